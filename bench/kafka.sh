#!/usr/bin/env bash
# Kafka -> LaminarDB (filter + 1 s tumbling-window aggregate) -> Kafka throughput, and a plain
# consumer -> producer copy loop on the same broker; see org.laminardb.bench.KafkaHarness and
# docs/BENCHMARKS.md, section "Kafka (issue 7)".
#
#   bench/kafka.sh [--records N] [--partitions P] [--runs R]     default: 1000000 records, 2, 3
#
# Starts a single-node KRaft broker (kafka_2.13 from the Maven repository, the test class path
# of laminar-connectors) in its own JVM with a temporary log directory, runs every configuration
# R times in a fresh JVM each, and stops the broker. Environment: JAVA (default java), MVN_ARGS
# (e.g. "-Dmaven.repo.local=... -Dlaminar.target=..."), TARGET (build folder, default target),
# HEAP (default -Xmx2g), BUILD=0 to skip building, CONFIGS (harness arguments per configuration,
# separated by ';'; default: copy, then LaminarDB with json, csv, avro, and json exactly once).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
TARGET=${TARGET:-target}
HEAP=${HEAP:--Xmx2g}
MVN_ARGS=${MVN_ARGS:-}
RECORDS=1000000
PARTITIONS=2
RUNS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --records) RECORDS=$2; shift 2 ;;
    --partitions) PARTITIONS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
if [[ "${BUILD:-1}" != 0 ]]; then
  mvn -B -q -o $MVN_ARGS -pl laminar-bench -am package -DskipTests
fi
WORK=$(mktemp -d)
trap 'kill -9 ${BROKER_PID:-0} 2>/dev/null || true; rm -rf "$WORK"' EXIT
mvn -B -q -o $MVN_ARGS -pl laminar-connectors dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
BROKER_CP=$(cat "$WORK/cp.txt")
PORT=$((20000 + RANDOM % 20000))
CPORT=$((PORT + 1))
cat > "$WORK/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:$CPORT
listeners=PLAINTEXT://localhost:$PORT,CONTROLLER://localhost:$CPORT
advertised.listeners=PLAINTEXT://localhost:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$WORK/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS
CLUSTER_ID=$("$JAVA" -cp "$BROKER_CP" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
"$JAVA" -cp "$BROKER_CP" kafka.tools.StorageTool format -t "$CLUSTER_ID" \
  -c "$WORK/server.properties" >/dev/null
"$JAVA" -Xmx1g -cp "$BROKER_CP" kafka.Kafka "$WORK/server.properties" >"$WORK/broker.log" 2>&1 &
BROKER_PID=$!
for _ in $(seq 1 600); do
  (echo > /dev/tcp/localhost/$PORT) 2>/dev/null && break
  sleep 0.1
done
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
"$JAVA" -version 2>&1 | head -1 | sed 's/^/# /'
JAR=laminar-bench/$TARGET/benchmarks.jar
for run in $(seq 1 "$RUNS"); do
  IFS=';' read -r -a CONFIG_LIST <<< "${CONFIGS:---mode copy;--mode laminar --format json;--mode laminar --format csv;--mode laminar --format avro;--mode laminar --format json --guarantee exactly_once}"
  for config in "${CONFIG_LIST[@]}"; do
    # shellcheck disable=SC2086
    "$JAVA" $HEAP -cp "$JAR" org.laminardb.bench.KafkaHarness --brokers "localhost:$PORT" \
      --records "$RECORDS" --partitions "$PARTITIONS" $config | grep '^RESULT'
  done
done
