#!/usr/bin/env bash
# Nexmark queries (laminar-bench/src/main/resources/nexmark/qN.sql) unthrottled over generated
# events: events/s, events per CPU-second of the process, output rows, peak heap; see
# org.laminardb.bench.NexmarkHarness and docs/BENCHMARKS.md, section "Nexmark (issue 6)".
#
#   bench/nexmark.sh [--query qN | --all] [--events N] [--seed S]    default: --all --events 1000000
#
# One JVM per query. Environment: JAVA (default java), JAR (default
# laminar-bench/target/benchmarks.jar), HEAP (default -Xmx4g), BUILD=0 to skip building
# laminar-bench (built from the reactor: mvn -B -q -o -pl laminar-bench -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
JAR=${JAR:-laminar-bench/target/benchmarks.jar}
HEAP=${HEAP:--Xmx4g}
if [[ "${BUILD:-1}" != 0 ]]; then
  mvn -B -q -o -pl laminar-bench -am package -DskipTests
fi
QUERIES=()
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --query) QUERIES+=("$2"); shift 2 ;;
    --all) shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
if [[ ${#ARGS[@]} -eq 0 ]]; then
  ARGS=(--events 1000000)
fi
if [[ ${#QUERIES[@]} -eq 0 ]]; then
  for f in laminar-bench/src/main/resources/nexmark/q*.sql; do
    QUERIES+=("$(basename "$f" .sql)")
  done
  mapfile -t QUERIES < <(printf '%s\n' "${QUERIES[@]}" | sort -V)
fi
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
"$JAVA" -version 2>&1 | head -1 | sed 's/^/# /'
for q in "${QUERIES[@]}"; do
  "$JAVA" $HEAP -cp "$JAR" org.laminardb.bench.NexmarkHarness --query "$q" "${ARGS[@]}" | grep -v '^#'
done
