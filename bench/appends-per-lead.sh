#!/usr/bin/env bash
# What the broker appends per lead, per topic, and the CPU each process of the running local stack spends per lead.
#
#   bench/appends-per-lead.sh [SECONDS] [CONNECTIONS]     (defaults 60 and 16; stack from ./leadloop up --detach)
#
# Reads every topic's end offsets (Kafka's GetOffsetShell; transactional topics count their commit markers, which
# the broker writes too), runs IntakeBenchmark's single-lead load, waits until handoff has every lead, reads them
# again and divides by the leads captured. Needs `mvn -o -DskipTests package` first (bench.jar, Kafka's tools).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LOADED=${1:-60}; CONNECTIONS=${2:-16}
HOME_DIR=${LEADLOOP_HOME:-.leadloop}
BOOTSTRAP=127.0.0.1:${LEADLOOP_KAFKA_PORT:-9092}
INTAKE=http://127.0.0.1:${LEADLOOP_INTAKE_PORT:-8081}
HANDOFF=http://127.0.0.1:${LEADLOOP_HANDOFF_PORT:-8083}
CP="bench/target/kafka-tools/*:local-stack/target/kafka-libs/*"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

offsets() { java -cp "$CP" org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$BOOTSTRAP" 2>/dev/null \
    | awk -F: '{sum[$1] += $3} END {for (t in sum) print t, sum[t]}' | sort; }
ticks() { for part in lead-intake-service qualification-service handoff-service feedback-service kafka registry; do
    [ -f "$HOME_DIR/run/$part.pid" ] && echo "$part $(awk '{print $14 + $15}' "/proc/$(cat "$HOME_DIR/run/$part.pid")/stat")"
  done; }
handed() { { curl -s "$HANDOFF/actuator/prometheus" || true; } | awk '/^leadloop_handoff_leads_(handed_off|withheld)_total/ {s += $2} END {print s + 0}'; }
captured() { offsets | awk '$1 == "leads.captured.v1" {print $2}'; }

offsets > "$TMP/before"; ticks > "$TMP/ticks-before"; c0=$(captured)
java -cp bench/target/bench.jar -Dintake="$INTAKE" -Dconnections="$CONNECTIONS" -Dseconds="$SECONDS_LOADED" \
    -Dwarmup=0 -DbatchSize=0 -DresultsDir="$TMP" io.leadloop.bench.IntakeBenchmark | grep 'POST'
previous=-1
for _ in $(seq 1 60); do sleep 5; now=$(handed); [ "$now" = "$previous" ] && break; previous=$now; done
offsets > "$TMP/after"; ticks > "$TMP/ticks-after"; leads=$(( $(captured) - c0 ))
echo "leads captured: $leads"
echo "CPU ms per lead (utime + stime over the load and the drain):"
join "$TMP/ticks-before" "$TMP/ticks-after" \
    | awk -v n="$leads" '{ms = ($3 - $2) * 1000 / 100 / n; total += ms; printf "  %-24s %7.2f\n", $1, ms}
                          END {printf "  %-24s %7.2f\n", "total", total}'
echo "broker appends per lead:"
join "$TMP/before" "$TMP/after" \
    | awk -v n="$leads" '$3 > $2 {per = ($3 - $2) / n; total += per; printf "  %-60s %6.2f\n", $1, per}
                          END {printf "  %-60s %6.2f\n", "total", total}' | sort -k2 -nr
