#!/usr/bin/env bash
# Latency under load: org.laminardb.bench.LatencyHarness over the matrix
# {rates} x {filter, window} x {G1, ZGC} x {JDK 17, JDK 25}, RUNS launches of each, then a
# Markdown table of the medians over launches; see docs/BENCHMARKS.md, section "Latency under
# load".
#
#   bench/latency.sh [RUNS, default 3]
#
# Environment: RATES (default "100000 1000000"), QUERIES ("filter window"), GCS ("G1 ZGC"),
# JDKS (java executables, default the JDK 17 and JDK 25 of /usr/lib/jvm), WARMUP and DURATION
# (seconds, default 5 and 10), IDLE (reactor idle strategy, default BUSY_SPIN), KEYS (window
# keys, default 1000), MAX_LAG (seconds behind its schedule at which the writer gives up: the
# rate is not sustained, default 5), HEAP (default -Xms2g -Xmx2g -XX:+AlwaysPreTouch), JAR (default
# laminar-bench/target/benchmarks.jar; build: mvn -B -q -pl laminar-bench -am package
# -DskipTests), OUT (log folder, default target/latency-results).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
RATES=${RATES:-100000 1000000}
QUERIES=${QUERIES:-filter window}
GCS=${GCS:-G1 ZGC}
JDKS=${JDKS:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java /usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
WARMUP=${WARMUP:-5}
DURATION=${DURATION:-10}
IDLE=${IDLE:-BUSY_SPIN}
KEYS=${KEYS:-1000}
MAX_LAG=${MAX_LAG:-5}
HEAP=${HEAP:--Xms2g -Xmx2g -XX:+AlwaysPreTouch}
JAR=${JAR:-laminar-bench/target/benchmarks.jar}
OUT=${OUT:-target/latency-results}
[[ -f "$JAR" ]] || { echo "no $JAR: mvn -B -q -pl laminar-bench -am package -DskipTests" >&2; exit 1; }
mkdir -p "$OUT"
results="$OUT/$(date -u +%Y%m%d_%H%M%S).results"

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "# runs=$RUNS warmup=${WARMUP}s duration=${DURATION}s idle=$IDLE keys=$KEYS max lag=${MAX_LAG}s heap: $HEAP"
echo "# start $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
for java in $JDKS; do
  echo "# $java: $("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
done
# Launches in rounds (every configuration once per round), so that a noisy minute of the
# machine spreads over configurations instead of spoiling all launches of one.
for ((run = 1; run <= RUNS; run++)); do
  for java in $JDKS; do
    for gc in $GCS; do
      for query in $QUERIES; do
        for rate in $RATES; do
          load=$(cut -d' ' -f1 /proc/loadavg)
          case "$gc" in
            G1) gc_flag=-XX:+UseG1GC ;;
            *) gc_flag="-XX:+Use$gc" ;;
          esac
          log="$OUT/run${run}_$(basename "$(dirname "$(dirname "$java")")")_${gc}_${query}_${rate}.log"
          # shellcheck disable=SC2086 # HEAP holds several options on purpose
          "$java" $HEAP "$gc_flag" -cp "$JAR" org.laminardb.bench.LatencyHarness \
            --query "$query" --rate "$rate" --warmup "$WARMUP" --duration "$DURATION" \
            --idle "$IDLE" --keys "$KEYS" --max-lag "$MAX_LAG" > "$log" 2>&1 || true
          line=$(grep '^RESULT ' "$log" || echo "RESULT failed $log")
          echo "$line load=$load"
          echo "$line load=$load" >> "$results"
        done
      done
    done
  done
done
echo "# end $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Medians over the launches that held the rate (µs; achieved in events/s; firing: median over those launches of each launch's p50, p99, max over its windows)."
echo "Where no launch held it: the median over the launches that measured rows before the writer gave up, marked (not held)."
echo
awk -v maxlag="$MAX_LAG" '
  function med(key,    n, i, j, t, a) {
    n = split(vals[key], a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n == 0 ? "" : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
  }
  $2 == "failed" { failed++; next }
  {
    delete f
    for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    cfg = f["jdk"] SUBSEP f["gc"] SUBSEP f["query"] SUBSEP f["rate"]
    if (!(cfg in seen)) { seen[cfg] = 1; order[++n] = cfg }
    runs[cfg]++
    set = f["sustained"] == 1 ? "held" : (f["count"] > 0 ? "unheld" : "")
    if (set == "") next
    sets[cfg, set]++
    split("achieved p50_us p99_us p999_us max_us sched_p99_us fire_p50_us fire_p99_us fire_max_us gcs load", names, " ")
    for (k in names) vals[cfg SUBSEP set SUBSEP names[k]] = vals[cfg SUBSEP set SUBSEP names[k]] " " f[names[k]]
  }
  END {
    print "| JDK | GC | query | rate/s | achieved/s | p50 | p99 | p99.9 | max | sched p99 | firing p50 | firing p99 | firing max | GCs | load (1 min) | rate held in |"
    print "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    for (i = 1; i <= n; i++) {
      c = order[i]; split(c, p, SUBSEP)
      w = p[3] == "window"
      held = sets[c, "held"] + 0
      set = held > 0 ? "held" : (sets[c, "unheld"] > 0 ? "unheld" : "")
      if (set == "") {
        printf "| %s | %s | %s | %s | not held: the writer fell %ss behind before measuring |||||||||||| 0 of %d |\n",
          p[1], p[2], p[3], p[4], maxlag, runs[c]
        continue
      }
      k = c SUBSEP set SUBSEP
      printf "| %s | %s | %s | %s | %.0f%s | %.2f | %.2f | %.1f | %.0f | %.1f | %s | %s | %s | %s | %.2f | %d of %d |\n", p[1], p[2], p[3], p[4],
        med(k "achieved"), set == "held" ? "" : " (not held)", med(k "p50_us"), med(k "p99_us"), med(k "p999_us"),
        med(k "max_us"), med(k "sched_p99_us"),
        w ? sprintf("%.0f", med(k "fire_p50_us")) : "–", w ? sprintf("%.0f", med(k "fire_p99_us")) : "–",
        w ? sprintf("%.0f", med(k "fire_max_us")) : "–", med(k "gcs"), med(k "load"), held, runs[c]
    }
    if (failed) print "\n" failed " launches failed (see the lines above)"
  }' "$results"
