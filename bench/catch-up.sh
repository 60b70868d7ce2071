#!/usr/bin/env bash
# CPU per lead of one Streams service at full speed: a fresh application id reads the stack's whole backlog.
#
#   bench/catch-up.sh SERVICE_JAR [LEADS]    e.g. bench/catch-up.sh feedback-service/target/feedback-service.jar
#
# Starts the jar beside the running local stack under a new application id (its own state directory and port), so
# it processes every event already on the topics as fast as it can, and samples the process's and the broker's CPU
# ticks and Kafka Streams' process count every 2 s until nothing more is processed. Prints the CPU spent between the
# first and the last processed record, per lead when LEADS (the leads on leads.captured.v1) is given. Compare two
# builds of a service on the same backlog (stop the stack's own instance first, so it does not compete).
# CATCH_UP_ARGS adds arguments (e.g. CATCH_UP_ARGS=--leadloop.person-keys.fetch-wait=0 to compare a setting).
# The instance publishes its outputs again (a second hand-off of every lead, say): use a throw-away LEADLOOP_HOME.
set -euo pipefail
JAR=$1; LEADS=${2:-0}
HOME_DIR=${LEADLOOP_HOME:-.leadloop}
PORT=${CATCH_UP_PORT:-8099}
APP="catch-up-$(date +%s)"
STATE=$(mktemp -d)
KAFKA_PID=$(cat "$HOME_DIR/run/kafka.pid")
java ${LEADLOOP_SERVICE_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} -jar "$JAR" --spring.kafka.streams.application-id="$APP" \
    --spring.kafka.streams.state-dir="$STATE" --server.port="$PORT" --management.server.port="$PORT" \
    ${CATCH_UP_ARGS:-} > "$STATE/service.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$STATE"' EXIT

processed() { { curl -s "http://127.0.0.1:$PORT/actuator/prometheus" 2>/dev/null || true; } \
    | awk '/^kafka_stream_thread_process_total/ {s += $2} END {printf "%d\n", s}'; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
first=""; last=""; previous=-1; idle=0
while [ $idle -lt 4 ]; do
  sleep 2
  kill -0 $PID 2>/dev/null || { echo "the service stopped; its log: $STATE/service.log"; cat "$STATE/service.log" | tail -20; exit 1; }
  now=$(processed); sample="$now $(ticks $PID) $(ticks "$KAFKA_PID")"
  if [ -z "$first" ]; then [ "$now" -gt 0 ] && first=$sample; previous=$now; continue; fi
  if [ "$now" = "$previous" ]; then idle=$((idle + 1)); else idle=0; last=$sample; fi
  previous=$now
done
[ -n "$last" ] || { echo "nothing was processed"; exit 1; }
read -r p0 s0 k0 <<< "$first"; read -r p1 s1 k1 <<< "$last"
awk -v p=$((p1 - p0)) -v s=$((s1 - s0)) -v k=$((k1 - k0)) -v leads="$LEADS" 'BEGIN {
  printf "records processed: %d; service CPU %.1f s, broker CPU %.1f s", p, s / 100, k / 100
  if (leads > 0) printf "; per lead: service %.2f ms, broker %.2f ms", s * 10 / leads, k * 10 / leads
  printf "\n" }'
