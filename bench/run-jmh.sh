#!/usr/bin/env bash
# Runs LaminarDB's benchmarks from the shaded jar and prints medians.
#
#   bench/run-jmh.sh [REGEX] [JMH options]
#       JMH benchmarks matching REGEX (default: all) with -prof gc, then a Markdown table of the
#       median over forks (see org.laminardb.bench.MedianReport).
#   bench/run-jmh.sh latency RUNS [LatencyHarness options]
#       The end-to-end latency harness RUNS times, then the median of each reported figure.
#
# Build the jar first:  mvn -B -q install -DskipTests   (it lands in laminar-bench/target).
# Environment: JAVA (default: java on the PATH), JAR (default: laminar-bench/target/benchmarks.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
JAR=${JAR:-laminar-bench/target/benchmarks.jar}
if [[ ! -f "$JAR" ]]; then
  echo "no $JAR: build it with: mvn -B -q install -DskipTests" >&2
  exit 1
fi

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"

if [[ "${1:-}" == "latency" ]]; then
  runs=${2:?usage: bench/run-jmh.sh latency RUNS [harness options]}
  shift 2
  results=()
  for ((i = 1; i <= runs; i++)); do
    out=$("$JAVA" -Xms1g -Xmx1g -cp "$JAR" org.laminardb.bench.LatencyHarness "$@")
    echo "$out"
    results+=("$(grep '^RESULT ' <<< "$out")")
  done
  printf '%s\n' "${results[@]}" | awk -v runs="$runs" '
    {
      for (f = 2; f <= NF; f++) {
        split($f, kv, "=")
        if (kv[2] ~ /^[0-9.]+$/) { v[kv[1], NR] = kv[2]; keys[kv[1]] = 1 }
      }
    }
    END {
      printf "MEDIAN of %d runs:", runs
      n = split("achieved p50_us p99_us p999_us max_us sched_p99_us sched_max_us gcs", order, " ")
      for (k = 1; k <= n; k++) {
        key = order[k]
        if (!(key in keys)) continue
        for (r = 1; r <= NR; r++) a[r] = v[key, r]
        for (x = 1; x <= NR; x++) for (y = x + 1; y <= NR; y++) if (a[y] + 0 < a[x] + 0) { t = a[x]; a[x] = a[y]; a[y] = t }
        m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        printf " %s=%s", key, m
      }
      printf "\n"
    }'
  exit 0
fi

if [[ $# -eq 0 ]]; then
  set -- 'org.laminardb.bench.'
fi
exec "$JAVA" -cp "$JAR" org.laminardb.bench.MedianReport "$@" -prof gc
