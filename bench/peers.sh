#!/usr/bin/env bash
# Runs the peer workload (../shared/peers/README.md: N events, k = i % 1000, v = i % 100,
# ts = i/10 ms, 10 s tumbling window, COUNT(*) and SUM(v) per key) on LaminarDB
# (org.laminardb.bench.PeerWorkload) and on the peers, Esper, Hazelcast Jet and Flink (SQL and
# DataStream), one JVM after the other, LAUNCHES times in rounds; then prints each engine's median
# events/s and events per CPU-second, and LaminarDB's ratio to each engine. Ratios are taken
# within a round (the same minutes of the machine) and their median over the rounds is given.
#
#   bench/peers.sh [events, default 10000000] [runs per JVM, default 5] [launches, default 1]
#
# Builds what is missing: LaminarDB's benchmarks jar (mvn package -pl laminar-bench -am) and the
# peers, in a writable copy of ../shared/peers (it is read-only), with the commands of its
# README (they fetch Flink, Esper and Hazelcast from Maven Central the first time).
# Environment: JAVA (default java), JAR (default laminar-bench/target/benchmarks.jar),
# PEERS_SRC (default ../shared/peers), PEERS_DIR (default target/peers), OUT (default
# target/peers-results), TIMEOUT seconds per engine (default 590, as the peers' run_all.sh),
# ENGINES (default "laminardb esper jet flink_sql flink_ds"), MVN_ARGS extra Maven arguments for
# building LaminarDB (e.g. "-o -Dlaminar.target=target-x"), PEERS_MVN_ARGS the same for the
# peers (e.g. "-Dmaven.repo.local=/path").
set -uo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000000}
RUNS=${2:-5}
LAUNCHES=${3:-1}
JAVA=${JAVA:-java}
JAR=${JAR:-laminar-bench/target/benchmarks.jar}
PEERS_SRC=${PEERS_SRC:-../shared/peers}
PEERS_DIR=${PEERS_DIR:-target/peers}
OUT=${OUT:-target/peers-results}
TIMEOUT=${TIMEOUT:-590}
ENGINES=${ENGINES:-laminardb esper jet flink_sql flink_ds}
JOPTS=(-Xms4g -Xmx4g -XX:+AlwaysPreTouch)
JET_OPTS=(--add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED)

if [[ ! -f "$JAR" ]]; then
  echo "# building LaminarDB (no $JAR)"
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_ARGS:-} -pl laminar-bench -am package -DskipTests \
    || { echo "LaminarDB build failed" >&2; exit 1; }
fi
if [[ ! -f "$PEERS_DIR/cp.txt" || ! -d "$PEERS_DIR/target/classes/peerbench" ]]; then
  echo "# building the peers in $PEERS_DIR"
  [[ -d "$PEERS_SRC" ]] || { echo "no peers at $PEERS_SRC" >&2; exit 1; }
  mkdir -p "$PEERS_DIR"
  cp -r "$PEERS_SRC"/. "$PEERS_DIR"/ && chmod -R u+w "$PEERS_DIR"
  # shellcheck disable=SC2086
  (cd "$PEERS_DIR" && mvn -B -q ${PEERS_MVN_ARGS:-} compile \
    && mvn -B -q ${PEERS_MVN_ARGS:-} dependency:build-classpath -Dmdep.outputFile=cp.txt) \
    > "$PEERS_DIR/build.log" 2>&1 \
    || { tail -20 "$PEERS_DIR/build.log"; echo "peer build failed" >&2; exit 1; }
fi
PEER_CP="$PEERS_DIR/target/classes:$(cat "$PEERS_DIR/cp.txt")"
mkdir -p "$OUT"
stamp=$(date +%Y%m%d_%H%M%S)
results="$OUT/${stamp}.results"

echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "# java: $("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}')," \
  "GC: the JVM's default (G1), JVM options: ${JOPTS[*]}"
echo "# events=$N runs=$RUNS per JVM (after a warm-up run of 1,000,000) launches=$LAUNCHES"
echo "# start $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"

# command NAME: the command line of one engine.
command_of() {
  case "$1" in
    laminardb) echo "$JAVA ${JOPTS[*]} -cp $JAR org.laminardb.bench.PeerWorkload $N 1000 $RUNS" ;;
    esper) echo "$JAVA ${JOPTS[*]} -cp $PEER_CP peerbench.EsperBench $N 1000 $RUNS ext" ;;
    jet) echo "$JAVA ${JOPTS[*]} ${JET_OPTS[*]} -cp $PEER_CP peerbench.JetBench $N 1000 $RUNS 1" ;;
    flink_sql) echo "$JAVA ${JOPTS[*]} -cp $PEER_CP peerbench.FlinkBench sql $N 1000 1 $RUNS" ;;
    flink_ds) echo "$JAVA ${JOPTS[*]} -cp $PEER_CP peerbench.FlinkBench ds $N 1000 1 $RUNS" ;;
    *) echo "unknown engine $1" >&2; return 1 ;;
  esac
}

# run LAUNCH NAME: runs one engine with the timeout, logs it, prints its run and RESULT lines and
# appends "LAUNCH NAME LOAD RESULT..." to the results file.
run() {
  local launch=$1 name=$2
  local log="$OUT/${stamp}_${launch}_$name.log"
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  echo "=== launch $launch: $name  (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2046 # the command line is split on purpose
  timeout "$TIMEOUT" $(command_of "$name") > "$log" 2>&1
  local rc=$?
  grep -E "^(warmup|tiny|run|fixed|FIRING|RESULT)" "$log"
  if [[ $rc -ne 0 ]]; then
    echo "!!! $name exited with $rc (124 = timed out after ${TIMEOUT}s); log: $log"
    tail -5 "$log"
  fi
  echo "$launch $name load=$load $(grep -m1 '^RESULT ' "$log" || echo none)" >> "$results"
}

for ((launch = 1; launch <= LAUNCHES; launch++)); do
  for name in $ENGINES; do
    run "$launch" "$name"
  done
done

echo "# end $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "## Peer workload, $N events: median over $LAUNCHES launch(es) of each JVM's median of $RUNS runs"
echo
awk -v engines="$ENGINES" '
  function field(key,    i, kv) {
    for (i = 4; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) return kv[2] }
    return ""
  }
  function med(list,    n, i, j, t, a) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n == 0 ? "" : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
  }
  function fmt(x) { return x == "" ? "failed" : sprintf("%.2f M", x / 1e6) }
  {
    eps = field("median_eps"); if (eps == "") eps = field("median_wall_eps")
    cpu = field("median_events_per_cpu_s")
    split($3, l, "=")
    loads[$2] = loads[$2] " " l[2]
    if (eps == "" || cpu == "") next
    e[$1, $2] = eps; c[$1, $2] = cpu; if ($1 > maxL) maxL = $1
    allE[$2] = allE[$2] " " eps; allC[$2] = allC[$2] " " cpu
  }
  END {
    n = split(engines, names, " ")
    print "| engine | median events/s | median events per CPU-s | LaminarDB / engine, events/s | LaminarDB / engine, per CPU-s (each launch) | load at start |"
    print "|---|---:|---:|---:|---|---|"
    for (i = 1; i <= n; i++) {
      name = names[i]; re = ""; rc = ""; each = ""
      for (L = 1; L <= maxL; L++) {
        if (((L, "laminardb") in c) && ((L, name) in c)) {
          re = re " " e[L, "laminardb"] / e[L, name]; rc = rc " " c[L, "laminardb"] / c[L, name]
          each = each sprintf(" %.1fx", c[L, "laminardb"] / c[L, name])
        }
      }
      printf "| %s | %s | %s | %s | %s | %s |\n", name, fmt(med(allE[name])), fmt(med(allC[name])),
        re == "" ? "-" : sprintf("%.1fx", med(re)), rc == "" ? "-" : sprintf("**%.1fx** (%s )", med(rc), each), loads[name]
    }
  }' "$results"
