#!/usr/bin/env bash
# Runs the peer workload (shared/peers/README.md: N events, k = i % 1000, v = i % 100,
# ts = i/10 ms, 10 s tumbling window, COUNT(*) and SUM(v) per key) on LaminarDB and on the three
# peers, one JVM after the other, then prints each engine's median events/s and median events per
# CPU-second and LaminarDB's ratio to each peer.
#
#   bench/peers.sh [events, default 10000000] [runs, default 5]
#
# Builds what is missing: LaminarDB's benchmarks jar (mvn install -DskipTests) and the peers, in a
# writable copy of ../shared/peers (it is read-only) with the commands of its README (these fetch
# Flink, Esper and Hazelcast from Maven Central the first time). Logs go to $OUT.
# Environment: JAVA (default java), JAR (default laminar-bench/target/benchmarks.jar),
# PEERS_SRC (default ../shared/peers), PEERS_DIR (default target/peers), OUT (default
# target/peers-results), TIMEOUT seconds per engine (default 590, as the peers' run_all.sh),
# MVN_ARGS extra arguments for building LaminarDB (e.g. "-o -Dlaminar.target=target-x").
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
RUNS=${2:-5}
JAVA=${JAVA:-java}
JAR=${JAR:-laminar-bench/target/benchmarks.jar}
PEERS_SRC=${PEERS_SRC:-../shared/peers}
PEERS_DIR=${PEERS_DIR:-target/peers}
OUT=${OUT:-target/peers-results}
TIMEOUT=${TIMEOUT:-590}
JOPTS=(-Xms4g -Xmx4g -XX:+AlwaysPreTouch)
JET_OPTS=(--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)

if [[ ! -f "$JAR" ]]; then
  echo "# building LaminarDB (no $JAR)"
  # shellcheck disable=SC2086
  mvn -B -q install -DskipTests ${MVN_ARGS:-} || { echo "LaminarDB build failed" >&2; exit 1; }
fi
if [[ ! -f "$PEERS_DIR/cp.txt" || ! -d "$PEERS_DIR/target/classes/peerbench" ]]; then
  echo "# building the peers in $PEERS_DIR"
  [[ -d "$PEERS_SRC" ]] || { echo "no peers at $PEERS_SRC" >&2; exit 1; }
  mkdir -p "$PEERS_DIR"
  cp -r "$PEERS_SRC"/. "$PEERS_DIR"/ && chmod -R u+w "$PEERS_DIR"
  (cd "$PEERS_DIR" && mvn -B -q compile && mvn -B -q dependency:build-classpath \
    -Dmdep.outputFile=cp.txt) > "$PEERS_DIR/build.log" 2>&1 \
    || { tail -20 "$PEERS_DIR/build.log"; echo "peer build failed" >&2; exit 1; }
fi
PEER_CP="$PEERS_DIR/target/classes:$(cat "$PEERS_DIR/cp.txt")"
mkdir -p "$OUT"
stamp=$(date +%Y%m%d_%H%M%S)

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# java: $("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')"
echo "# events=$N runs=$RUNS (after a warm-up run of 1,000,000), JVM options: ${JOPTS[*]}"

# run NAME COMMAND...: runs one engine with the timeout, logs it, prints its run and RESULT lines.
run() {
  local name=$1
  shift
  local log="$OUT/${stamp}_$name.log"
  echo "=== $name  (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  timeout "$TIMEOUT" "$@" > "$log" 2>&1
  local rc=$?
  grep -E "^(warmup|tiny|run|fixed|FIRING|RESULT)" "$log"
  if [[ $rc -ne 0 ]]; then
    echo "!!! $name exited with $rc (124 = timed out after ${TIMEOUT}s); log: $log"
    tail -5 "$log"
  fi
}

run laminardb "$JAVA" "${JOPTS[@]}" -cp "$JAR" org.laminardb.bench.PeerWorkload "$N" 1000 "$RUNS"
run esper "$JAVA" "${JOPTS[@]}" -cp "$PEER_CP" peerbench.EsperBench "$N" 1000 "$RUNS" ext
run jet "$JAVA" "${JOPTS[@]}" "${JET_OPTS[@]}" -cp "$PEER_CP" peerbench.JetBench "$N" 1000 "$RUNS" 1
run flink_sql "$JAVA" "${JOPTS[@]}" -cp "$PEER_CP" peerbench.FlinkBench sql "$N" 1000 1 "$RUNS"

echo
echo "## Peer workload, $N events, median of $RUNS runs ($(date +%Y-%m-%d), load now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
for name in laminardb esper jet flink_sql; do
  line=$(grep -m1 '^RESULT ' "$OUT/${stamp}_$name.log" 2>/dev/null || true)
  echo "$name ${line:-none}"
done | awk '
  function field(line, key,    i, n, parts, kv) {
    n = split(line, parts, " ")
    for (i = 1; i <= n; i++) {
      split(parts[i], kv, "=")
      if (kv[1] == key) return kv[2]
    }
    return ""
  }
  function fmt(x) { return x == "" ? "failed" : sprintf("%.2f M", x / 1e6) }
  function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.1fx", a / b) }
  {
    name[NR] = $1
    eps[NR] = field($0, "median_eps")
    if (eps[NR] == "") eps[NR] = field($0, "median_wall_eps")
    cpu[NR] = field($0, "median_events_per_cpu_s")
  }
  END {
    print "| engine | median events/s | median events per CPU-s | LaminarDB / engine (events/s) | LaminarDB / engine (per CPU-s) |"
    print "|---|---|---|---|---|"
    for (i = 1; i <= NR; i++) {
      printf "| %s | %s | %s | %s | %s |\n", name[i], fmt(eps[i]), fmt(cpu[i]),
        ratio(eps[1], eps[i]), ratio(cpu[1], cpu[i])
    }
  }'
