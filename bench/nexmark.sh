#!/usr/bin/env bash
# Nexmark queries (laminar-cli/src/main/resources/nexmark/qN.sql) unthrottled over generated
# events with `laminardb bench nexmark`: events/s, events per CPU-second of the process, output
# rows, peak heap and RSS; see docs/BENCHMARKS.md, section "Nexmark".
#
#   bench/nexmark.sh [--query qN ... | --all] [--events N] [--seed S] [--runs R]
#       default: --all --events 1000000 --runs 1; prints a Markdown table of the medians
#
# One JVM for all the queries (each in a fresh database; the first queries also warm up the
# JIT for the later ones). Prints the machine, the JVM and the load averages before and after.
# Environment: JAVA_HOME (the JDK), JAVA_OPTS (JVM options, default -Xms6g -Xmx6g), and those of
# the ./laminardb launcher (LAMINAR_TARGET, MVN_ARGS), which builds the CLI when needed.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_OPTS=${JAVA_OPTS:--Xms6g -Xmx6g}
args=("$@")
[[ " ${args[*]} " == *" --query "* || " ${args[*]} " == *" --all "* ]] || args+=(--all)
java_cmd=java
[[ -n "${JAVA_HOME:-}" ]] && java_cmd="$JAVA_HOME/bin/java"
echo "# machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
  "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
echo "# java: $("$java_cmd" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/ {print $2}'), JAVA_OPTS: $JAVA_OPTS"
echo "# start $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
./laminardb bench nexmark --markdown "${args[@]}"
echo "# end $(date -u '+%Y-%m-%d %H:%M:%S') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
