#!/usr/bin/env bash
# Durability figures: checkpoint duration, reactor pause and size, recovery from a checkpoint and
# from the log alone, durable (fsync) ingest; see org.laminardb.bench.DurabilityHarness and
# docs/BENCHMARKS.md, section "Durability (issue 5)".
#
#   bench/durability.sh [KEYS...]          default: 1000000 10000000
#
# One JVM per state size; the ingest phase (independent of KEYS) runs only in the first.
# Environment: RUNS (default 3), CHECKPOINTS (default 2: reload+checkpoint and unchanged
# checkpoints per run), INGEST_SECONDS (default 3), DIR (default /tmp), JAVA (default java),
# JAR (default laminar-bench/target/benchmarks.jar), HEAP (default: -Xmx4g up to 2M keys, else
# -Xmx12g), BUILD=0 to skip building laminar-bench (it needs the other modules installed:
# mvn -B -q -o install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
JAR=${JAR:-laminar-bench/target/benchmarks.jar}
RUNS=${RUNS:-3}
CHECKPOINTS=${CHECKPOINTS:-2}
INGEST_SECONDS=${INGEST_SECONDS:-3}
DIR=${DIR:-/tmp}
if [[ $# -eq 0 ]]; then
  set -- 1000000 10000000
fi
if [[ "${BUILD:-1}" != 0 ]]; then
  mvn -B -q -o -pl laminar-bench package -DskipTests
fi

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# java: $("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
echo "# disk: $(df -h "$DIR" | tail -1)"

ingest=$INGEST_SECONDS
for keys in "$@"; do
  if [[ -n "${HEAP:-}" ]]; then
    heap=($HEAP)
  elif (( keys <= 2000000 )); then
    heap=(-Xms4g -Xmx4g)
  else
    heap=(-Xms12g -Xmx12g)
  fi
  echo "# keys=$keys heap=${heap[*]} load $(cut -d' ' -f1-3 /proc/loadavg) $(date +%H:%M:%S)"
  "$JAVA" "${heap[@]}" -cp "$JAR" org.laminardb.bench.DurabilityHarness --keys "$keys" \
    --runs "$RUNS" --checkpoints "$CHECKPOINTS" --ingest-seconds "$ingest" --dir "$DIR"
  ingest=0
done
echo "# done, load $(cut -d' ' -f1-3 /proc/loadavg) $(date +%H:%M:%S)"
