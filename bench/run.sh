#!/usr/bin/env bash
# Benchmarks the gateway side by side with its peers, in one run on this machine:
#   mosquitto-ws      Mosquitto's own MQTT-over-WebSocket listener with MQTT subscribers (the physical reference)
#   gateway           the gateway over that same Mosquitto (production-like)
#   gateway-postgres  the production configuration: the gateway over that Mosquitto and the machine's PostgreSQL
#                     (127.0.0.1:5432, a database of its own for the run; full mode only, W1 W2 W3)
#   gateway-embedded  the gateway with its embedded Moquette broker (full mode only)
#   rabbitmq          RabbitMQ with its MQTT and Web-STOMP plugins
# then times gateway cold starts (W6) and writes bench/results/<date>.md with PNG charts and raw JSON.
#
# usage: bench/run.sh [--quick] [--coldstart] [--targets mosquitto-ws,gateway,gateway-postgres,gateway-embedded,rabbitmq]
#                     [-- extra flags for the tool]
#        bench/run.sh --scale [--label NAME] [-- extra flags for the tool's scale command]
#   --scale      only the scale-out workload (W-scale, bench/scale.sh): three gateways on a 3-node NATS cluster of
#                its own and one PostgreSQL database, about 6 minutes; bench/results/<date>-scale[-NAME].md
#   --quick      every workload small and short (under 3 minutes), W6 left out; a smoke test, not figures to quote
#   --coldstart  with --quick: add one plain JDK 17 cold start (W6), about 20 s more
#   --no-coldstart  leave W6 out of a full run
# env:   BENCH_GATEWAY_JAR   use this jar instead of the one just built (to measure a tuning experiment)
#        BENCH_GATEWAY_ENV   extra environment for the gateway, e.g. "SPRING_THREADS_VIRTUAL_ENABLED=true"
#        BENCH_GATEWAY_JAVA  java for the gateway (default: java on PATH)
#        BENCH_JDK25         a JDK 25 home for W6 (default: the first one under /usr/lib/jvm)
#        BENCH_RESULTS       where results go (default: bench/results)
#        BENCH_MOSQUITTO_INFLIGHT  Mosquitto's max_inflight_messages (default 1000, as deploy/mosquitto; its own is 20)
#        BENCH_TOOL_TIMEOUT  seconds each target's workloads may take (default 240 quick, 2700 full)
#        BENCH_PROFILE=1  profile the gateway (Java Flight Recorder, W1 1,000 msg/s x 1) in a quick run too
#        BENCH_SCALE_FLAGS   with --scale: extra flags for the tool, e.g. "--rate 100 --measure 30s" (bench/scale.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

ARGS=("$@")
QUICK=0
SCALE=0
LABEL=""
COLDSTART=1
TARGETS=""
EXTRA=()
while [ $# -gt 0 ]; do
	case "$1" in
		--quick) QUICK=1; [ "${COLDSTART_SET:-}" = 1 ] || COLDSTART=0 ;;
		--coldstart) COLDSTART=1; COLDSTART_SET=1 ;;
		--no-coldstart) COLDSTART=0; COLDSTART_SET=1 ;;
		--targets) TARGETS="$2"; shift ;;
		--scale) SCALE=1 ;;
		--label) LABEL="$2"; shift ;;
		--) shift; EXTRA=("$@"); break ;;
		-h|--help) sed -n '2,25p' "$0"; exit 0 ;;
		*) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done
if [ -z "$TARGETS" ]; then
	if [ "$QUICK" = 1 ]; then TARGETS="mosquitto-ws,gateway,rabbitmq"; else TARGETS="mosquitto-ws,gateway,gateway-postgres,gateway-embedded,rabbitmq"; fi
fi

# A benchmark needs a quiet machine: the whole run holds the lock every Maven build here takes.
if [ -z "${BENCH_LOCKED:-}" ]; then
	echo "Waiting for /tmp/maven.lock (held for the whole benchmark)..."
	exec env BENCH_LOCKED=1 flock /tmp/maven.lock "$0" ${ARGS[@]+"${ARGS[@]}"}
fi

# W5 opens as many WebSockets as one process may: each end is a file descriptor, in the load tool and in the
# gateway. The hard limit cannot be raised without CAP_SYS_RESOURCE; where it is below 100,000, W5 stops under it.
ulimit -Hn 1048576 2>/dev/null || true
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
OPEN_FILES=$(ulimit -n)

START=$(date +%s)
DATE=$(date +%F)
NAME="$DATE$([ "$QUICK" = 1 ] && echo -quick || true)$([ "$SCALE" = 1 ] && echo -scale || true)${LABEL:+-$LABEL}"
RESULTS="${BENCH_RESULTS:-$ROOT/bench/results}"
# A second run on one day never replaces the first's results (a partial run would overwrite a full one): it gets
# the next free suffix.
BASE_NAME=$NAME
for n in $(seq 2 99); do
	[ -e "$RESULTS/$NAME.md" ] || break
	NAME="$BASE_NAME-$n"
done
OUT="$RESULTS/$NAME"
WORK=$(mktemp -d /tmp/mqtt-chat-bench.XXXXXX)
chmod 755 "$WORK"
mkdir -p "$OUT/raw"
rm -f "$OUT"/raw/*.json "$OUT"/*.png
log() { echo "$(date +%T) [run.sh] $*"; }

GATEWAY_PID=""
MOSQUITTO_PID=""
RABBIT_STARTED=""
EPMD_BEFORE=$(pgrep -x epmd || true)

cleanup() {
	set +e
	[ -n "$GATEWAY_PID" ] && stop_gateway
	[ -n "$MOSQUITTO_PID" ] && stop_mosquitto
	[ -n "$RABBIT_STARTED" ] && stop_rabbit
	declare -F scale_cleanup > /dev/null && scale_cleanup
	# epmd is only stopped if this run started it; the machine's RabbitMQ needs its own.
	local epmd
	for epmd in $(pgrep -x epmd || true); do
		case " $EPMD_BEFORE " in *" $epmd "*) ;; *) kill "$epmd" 2>/dev/null ;; esac
	done
	rm -rf "$WORK/rabbit/mnesia"
	log "logs of this run: $WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! ss -ltnH "( sport = :$1 )" 2>/dev/null | grep -q .; }
pick_port() {
	local port=$1
	for _ in $(seq 1 200); do port_free "$port" && { echo "$port"; return; }; port=$((port + 1)); done
	echo "no free port near $1" >&2; exit 1
}
wait_port() {
	for _ in $(seq 1 "$((${2:-30} * 10))"); do port_free "$1" || return 0; sleep 0.1; done
	return 1
}

# ---------------------------------------------------------------- build
JAVA=${JAVA:-java}
GATEWAY_JAVA=${BENCH_GATEWAY_JAVA:-$JAVA}
log "building (package, tests compiled but not run)"
# Offline first (fast, no network); online when something is not downloaded yet, as on a clean clone.
mvn_quiet() { ./mvnw -B -q -o "$@" 2>"$WORK/maven.err" || ./mvnw -B -q "$@"; }
mvn_quiet -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
	-Dmdep.outputFile="$WORK/classpath.txt"
mkdir -p "$WORK/classes"
cp -r target/test-classes/. "$WORK/classes/"
CP="$WORK/classes:$(cat "$WORK/classpath.txt")"
GATEWAY_JAR="$WORK/gateway.jar"
cp "${BENCH_GATEWAY_JAR:-$(ls target/mqtt-chat-gateway-*.jar | grep -v original | head -n 1)}" "$GATEWAY_JAR"

# The heap may grow past 2 GiB only for W5's 100,000 sessions; the latency runs stay well inside it.
TOOL_OPTS=(-Xms2g -Xmx12g -XX:+UseG1GC -Djava.awt.headless=true)
tool() { "$JAVA" "${TOOL_OPTS[@]}" -cp "$CP" dev.mqttchat.bench.BenchMain "$@"; }
QUICK_FLAG=()
if [ "$QUICK" = 1 ]; then QUICK_FLAG=(--quick); fi
TOOL_TIMEOUT=${BENCH_TOOL_TIMEOUT:-$([ "$QUICK" = 1 ] && echo 240 || echo 2700)}

# ---------------------------------------------------------------- metadata
{
	echo "date=$DATE"
	echo "mode=$([ "$QUICK" = 1 ] && echo quick || echo full)"
	echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -n 1)"
	echo "cores=$(nproc)"
	echo "memory=$(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
	echo "kernel=Linux $(uname -r)"
	echo "commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$( [ -n "$(git status --porcelain -- src pom.xml 2>/dev/null)" ] && echo ' (with uncommitted changes)' || true)$( [ -n "${BENCH_GATEWAY_JAR:-}" ] && echo ", jar ${BENCH_GATEWAY_JAR}" || true)"
	echo "gatewayJava=$("$GATEWAY_JAVA" -version 2>&1 | sed -n 2p)"
	echo "gatewayEnv=CHAT_ROOMS_CREATEPERMINUTE=1000000 CHAT_WEB_MAXSOCKETSPERADDRESS=1000000 (the bench issues thousands of rooms and opens 100,000 WebSockets from one address) SERVER_TOMCAT_MAXCONNECTIONS=200000 (W5; the default is 20,000 per instance)${BENCH_GATEWAY_ENV:+ $BENCH_GATEWAY_ENV}"
	echo "loadJava=$("$JAVA" -version 2>&1 | sed -n 2p), -Xms2g -Xmx12g G1"
	echo "openFiles=$OPEN_FILES"
	command -v mosquitto >/dev/null && echo "mosquitto=$(mosquitto -h 2>/dev/null | head -n 1) (Debian $(dpkg-query -W -f '${Version}' mosquitto 2>/dev/null)), max_inflight_messages ${BENCH_MOSQUITTO_INFLIGHT:-1000}"
	command -v rabbitmq-server >/dev/null && echo "rabbitmq=RabbitMQ $(dpkg-query -W -f '${Version}' rabbitmq-server 2>/dev/null) (Debian) on Erlang/OTP $(erl -noshell -eval 'io:format("~s", [erlang:system_info(otp_release)]), halt().' 2>/dev/null), plugins rabbitmq_mqtt and rabbitmq_web_stomp"
	echo "describe.mosquitto-ws=MQTT 3.1.1 over WebSocket to Mosquitto's websockets listener, QoS 0 subscriptions"
	echo "describe.gateway=STOMP 1.2 over WebSocket to the gateway's /ws"
	echo "describe.gateway-postgres=STOMP 1.2 over WebSocket to the gateway's /ws"
	echo "describe.gateway-embedded=STOMP 1.2 over WebSocket to the gateway's /ws"
	echo "describe.rabbitmq=STOMP 1.2 over WebSocket to RabbitMQ Web-STOMP, /topic/chat.rooms.{id}"
} > "$OUT/raw/meta.properties"
meta() { echo "$1=$2" >> "$OUT/raw/meta.properties"; }

if [ "$SCALE" = 1 ]; then
	# shellcheck source=bench/scale.sh
	. "$ROOT/bench/scale.sh"
	meta "mode" "scale"
	run_scale
	meta duration "$(( ($(date +%s) - START) / 60 )) min $(( ($(date +%s) - START) % 60 )) s"
	tool report --dir "$OUT" --out "$RESULTS/$NAME.md"
	log "done in $(( $(date +%s) - START )) s: $RESULTS/$NAME.md"
	exit 0
fi

# ---------------------------------------------------------------- peers and gateway
MQ_TCP=$(pick_port 18830); MQ_WS=$(pick_port 18880)
start_mosquitto() {
	sed -e "s/@TCP_PORT@/$MQ_TCP/" -e "s/@WS_PORT@/$MQ_WS/" -e "s/@INFLIGHT@/${BENCH_MOSQUITTO_INFLIGHT:-1000}/" \
		bench/peers/mosquitto.conf.template > "$WORK/mosquitto.conf"
	mosquitto -c "$WORK/mosquitto.conf" > "$WORK/mosquitto.log" 2>&1 &
	MOSQUITTO_PID=$!
	wait_port "$MQ_TCP" 10 && wait_port "$MQ_WS" 10 || { cat "$WORK/mosquitto.log"; echo "Mosquitto did not start" >&2; exit 1; }
	log "Mosquitto $MOSQUITTO_PID on 127.0.0.1:$MQ_TCP (MQTT) and :$MQ_WS (WebSocket)"
}
stop_mosquitto() {
	kill "$MOSQUITTO_PID" 2>/dev/null || true
	wait "$MOSQUITTO_PID" 2>/dev/null || true
	MOSQUITTO_PID=""
}

GW_PORT=$(pick_port 18081)
# W5 on the gateway in a full run: up to 100,000 people (a username each, following their room's presence) in rooms
# of about ten, or as many as one process may hold where open files are limited (each process keeps 1,000 files for
# everything else); subscribers connect to eight loopback addresses in turn, as one address and port has only
# ~28,000 ephemeral ports to be reached from.
W5_GATEWAY=()
if [ "$QUICK" = 0 ]; then
	W5_MOST=$(( OPEN_FILES - 1000 < 100000 ? (OPEN_FILES - 1000) / 1000 * 1000 : 100000 ))
	W5_GATEWAY=(--w5-sessions "0,10000,$W5_MOST" --w5-rooms 1000 --w5-presence
		--ws-hosts 127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5,127.0.0.6,127.0.0.7,127.0.0.8)
fi
GATEWAY_DB_ENV=()
start_gateway() { # $1 = broker URL, or empty for the embedded broker on $2
	local env=(SERVER_PORT="$GW_PORT" CHAT_ROOMS_CREATEPERMINUTE=1000000 CHAT_WEB_MAXSOCKETSPERADDRESS=1000000
		SERVER_TOMCAT_MAXCONNECTIONS=200000 ${GATEWAY_DB_ENV[@]+"${GATEWAY_DB_ENV[@]}"})
	if [ -n "$1" ]; then env+=(CHAT_MQTT_URL="$1"); else env+=(CHAT_MQTT_URL= CHAT_MQTT_EMBEDDED_PORT="$2"); fi
	# shellcheck disable=SC2206
	[ -n "${BENCH_GATEWAY_ENV:-}" ] && env+=($BENCH_GATEWAY_ENV)
	# shellcheck disable=SC2086
	(cd "$WORK" && exec env "${env[@]}" "$GATEWAY_JAVA" ${GATEWAY_JVM_OPTS:-} -jar "$GATEWAY_JAR") > "$WORK/gateway-$GW_PORT.log" 2>&1 &
	GATEWAY_PID=$!
	for _ in $(seq 1 900); do
		curl -sf "http://127.0.0.1:$GW_PORT/actuator/health" 2>/dev/null | grep -q UP && break
		kill -0 "$GATEWAY_PID" 2>/dev/null || { tail -n 30 "$WORK/gateway-$GW_PORT.log"; echo "the gateway exited" >&2; exit 1; }
		sleep 0.1
	done
	curl -sf "http://127.0.0.1:$GW_PORT/actuator/health" | grep -q UP || { echo "the gateway is not healthy" >&2; exit 1; }
	log "gateway $GATEWAY_PID on 127.0.0.1:$GW_PORT, broker ${1:-embedded on 127.0.0.1:$2}"
}
stop_gateway() {
	kill "$GATEWAY_PID" 2>/dev/null || true
	for _ in $(seq 1 150); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.1; done
	kill -9 "$GATEWAY_PID" 2>/dev/null || true
	wait "$GATEWAY_PID" 2>/dev/null || true
	GATEWAY_PID=""
}

RB_AMQP=$(pick_port 5682); RB_MQTT=$(pick_port 11883); RB_STOMP=$(pick_port 15684); RB_DIST=$(pick_port 25682)
RB_DIR="$WORK/rabbit"
rabbit_sh() { # a shell command running "$@" with the bench node's environment, for su to the rabbitmq user
	printf '%q ' env RABBITMQ_CONF_ENV_FILE="$RB_DIR/rabbitmq-env.conf" RABBITMQ_NODENAME=bench@localhost \
		RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$RB_AMQP" RABBITMQ_DIST_PORT="$RB_DIST" \
		RABBITMQ_CONFIG_FILE="$RB_DIR/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$RB_DIR/enabled_plugins" \
		RABBITMQ_MNESIA_BASE="$RB_DIR/mnesia" RABBITMQ_LOG_BASE="$RB_DIR/log" RABBITMQ_PID_FILE="$RB_DIR/bench.pid" \
		ERL_EPMD_ADDRESS=127.0.0.1 ERL_FLAGS="-kernel inet_dist_use_interface {127,0,0,1}" "$@"
}
start_rabbit() {
	mkdir -p "$RB_DIR/mnesia" "$RB_DIR/log"
	sed -e "s/@AMQP_PORT@/$RB_AMQP/" -e "s/@MQTT_PORT@/$RB_MQTT/" -e "s/@STOMP_PORT@/$RB_STOMP/" \
		bench/peers/rabbitmq.conf.template > "$RB_DIR/rabbitmq.conf"
	echo '[rabbitmq_mqtt,rabbitmq_web_stomp].' > "$RB_DIR/enabled_plugins"
	# An empty environment file keeps the machine's node name and settings in /etc/rabbitmq out of this node.
	: > "$RB_DIR/rabbitmq-env.conf"
	chown -R rabbitmq:rabbitmq "$RB_DIR"
	RABBIT_STARTED=1
	su rabbitmq -s /bin/sh -c "$(rabbit_sh /usr/lib/rabbitmq/bin/rabbitmq-server)" > "$RB_DIR/server.log" 2>&1 &
	timeout 120 su rabbitmq -s /bin/sh -c "$(rabbit_sh /usr/lib/rabbitmq/bin/rabbitmqctl -n bench@localhost wait \
		"$RB_DIR/bench.pid" --timeout 100)" > "$RB_DIR/wait.log" 2>&1 \
		|| { tail -n 30 "$RB_DIR/server.log" "$RB_DIR/wait.log"; echo "RabbitMQ did not start" >&2; exit 1; }
	wait_port "$RB_STOMP" 20 && wait_port "$RB_MQTT" 20 || { echo "RabbitMQ listeners missing" >&2; exit 1; }
	log "RabbitMQ bench@localhost $(cat "$RB_DIR/bench.pid") on 127.0.0.1:$RB_MQTT (MQTT) and :$RB_STOMP (Web-STOMP)"
}
stop_rabbit() {
	timeout 60 su rabbitmq -s /bin/sh -c "$(rabbit_sh /usr/lib/rabbitmq/bin/rabbitmqctl -n bench@localhost stop \
		"$RB_DIR/bench.pid")" > /dev/null 2>&1 \
		|| { [ -f "$RB_DIR/bench.pid" ] && kill "$(cat "$RB_DIR/bench.pid")" 2>/dev/null; }
	RABBIT_STARTED=""
}

run_target() { # $1 = name; the rest are tool flags
	local name=$1; shift
	log "running the workloads against $name"
	timeout "$TOOL_TIMEOUT" "$JAVA" "${TOOL_OPTS[@]}" -cp "$CP" dev.mqttchat.bench.BenchMain run --name "$name" \
		--out "$OUT/raw/target-$name.json" "${QUICK_FLAG[@]}" "$@" "${EXTRA[@]}" 2>&1 | tee "$WORK/tool-$name.log" \
		|| log "the tool failed or timed out against $name; its partial results are kept"
}

# What one durable commit costs on this disk: PostgreSQL's own pg_test_fsync, one 8 kB write and the WAL's sync method.
commit_cost() {
	local tool method line
	tool=$(ls /usr/lib/postgresql/*/bin/pg_test_fsync 2>/dev/null | tail -n 1 || true)
	[ -n "$tool" ] || { log "pg_test_fsync not found; commit cost not measured"; return; }
	method=$(psql -h 127.0.0.1 -U postgres -tAc 'SHOW wal_sync_method' postgres 2>/dev/null || echo fdatasync)
	(cd "$WORK" && timeout 120 "$tool" -s 1 -f "$WORK/fsync.test") > "$WORK/pg_test_fsync.txt" 2>&1 || true
	rm -f "$WORK/fsync.test"
	cp "$WORK/pg_test_fsync.txt" "$OUT/raw/pg_test_fsync.txt" 2>/dev/null || true
	# The first line of the sync method in "one 8kB write": "fdatasync   1234.567 ops/sec   810 usecs/op".
	line=$(awk -v m="$method" '/one 8kB write/ {s=1} s && $1 == m {print; exit}' "$WORK/pg_test_fsync.txt")
	if [ -n "$line" ]; then
		meta "commitCost" "$(echo "$line" | awk -v m="$method" '{printf "%s of one 8 kB write: %s µs (%d a second), pg_test_fsync on this disk", m, $(NF-1), $2}')"
	fi
}

# Where the gateway's CPU goes at W1 1,000 msg/s x 1 (the CPU-per-message goal): a run of its own with Java Flight
# Recorder's profiling settings, kept apart so the figures above are measured without the recorder.
profile_gateway() {
	local jdk jfr
	jdk=${JDK25:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-openjdk-* 2>/dev/null | head -n 1 || true)}
	jfr="$jdk/bin/jfr"
	[ -x "$jfr" ] || { log "no JDK 21+ jfr found; profile skipped"; return; }
	# A database of its own: in the one the earlier targets filled, H2's background compaction of their hundreds of
	# thousands of messages took most of the samples.
	GATEWAY_DB_ENV=(SPRING_DATASOURCE_URL="jdbc:h2:file:$WORK/profile-db/chat")
	start_gateway "tcp://127.0.0.1:$MQ_TCP"
	GATEWAY_DB_ENV=()
	log "profiling the gateway at W1 1,000 msg/s x 1"
	timeout 300 "$JAVA" "${TOOL_OPTS[@]}" -cp "$CP" dev.mqttchat.bench.BenchMain run --name profile --style gateway \
		--ws-url "ws://127.0.0.1:$GW_PORT/ws" --http-url "http://127.0.0.1:$GW_PORT" --mqtt-url "tcp://127.0.0.1:$MQ_TCP" \
		--pid "$GATEWAY_PID" --workloads w1 --w1-rates 1000 --w1-subscribers 1 --measure 60s --warm-target 10s \
		--out "$WORK/profile.json" > "$WORK/tool-profile.log" 2>&1 &
	local tool_pid=$!
	# Recorded only inside the measured 60 s, not start-up or warm-up: from 10 s after the subscriber is ready (the run
	# first waits for the gateway to go idle, then warms up for 2 s), for 30 s.
	for _ in $(seq 1 600); do grep -q "W1 1 subscribers:" "$WORK/tool-profile.log" 2>/dev/null && break; sleep 0.2; done
	"$(dirname "$(readlink -f "$(command -v "$GATEWAY_JAVA")")")/jcmd" "$GATEWAY_PID" JFR.start name=bench settings=profile \
		delay=10s duration=30s filename="$WORK/gateway.jfr" > "$WORK/jfr-start.log" 2>&1 || log "JFR did not start"
	wait "$tool_pid" || log "the profiling run failed"
	for _ in $(seq 1 100); do [ -s "$WORK/gateway.jfr" ] && break; sleep 0.2; done
	stop_gateway
	if [ -f "$WORK/gateway.jfr" ]; then
		{
			echo "# The gateway at W1 1,000 msg/s x 1 (Mosquitto, a fresh H2 database): 30 s inside the measured window, Java Flight Recorder's 'profile' settings"
			echo
			"$jfr" print --json --stack-depth 64 --events jdk.ExecutionSample "$WORK/gateway.jfr" | python3 bench/profile.py
			echo
			"$jfr" view --width 200 hot-methods "$WORK/gateway.jfr"
			"$jfr" view --width 200 allocation-by-class "$WORK/gateway.jfr"
		} > "$OUT/raw/profile-gateway.txt" 2>&1 || log "the profile could not be summarised"
	fi
}

has() { case ",$TARGETS," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

if has mosquitto-ws || has gateway || has gateway-postgres; then
	command -v mosquitto >/dev/null || { echo "mosquitto is not installed (apt-get install mosquitto)" >&2; exit 1; }
	start_mosquitto
	if has mosquitto-ws; then
		meta "mqtt.mosquitto-ws" "Paho to Mosquitto tcp://127.0.0.1:$MQ_TCP"
		meta "pids.mosquitto-ws" "mosquitto"
		run_target mosquitto-ws --style mosquitto-ws --ws-url "ws://127.0.0.1:$MQ_WS/mqtt" \
			--mqtt-url "tcp://127.0.0.1:$MQ_TCP" --pid "$MOSQUITTO_PID"
	fi
	if has gateway; then
		start_gateway "tcp://127.0.0.1:$MQ_TCP"
		meta "mqtt.gateway" "Paho to Mosquitto tcp://127.0.0.1:$MQ_TCP, bridged by the gateway"
		meta "pids.gateway" "gateway JVM + mosquitto"
		run_target gateway --style gateway --ws-url "ws://127.0.0.1:$GW_PORT/ws" --http-url "http://127.0.0.1:$GW_PORT" \
			--mqtt-url "tcp://127.0.0.1:$MQ_TCP" --pid "$GATEWAY_PID,$MOSQUITTO_PID" ${W5_GATEWAY[@]+"${W5_GATEWAY[@]}"}
		stop_gateway
	fi
	if has gateway-postgres; then
		# A database of its own, created and dropped by this run, on the machine's PostgreSQL (trust auth).
		PG_DB="bench_$(date +%s)"
		if psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $PG_DB" postgres > "$WORK/postgres.log" 2>&1; then
			GATEWAY_DB_ENV=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" SPRING_DATASOURCE_USERNAME=postgres)
			start_gateway "tcp://127.0.0.1:$MQ_TCP"
			meta "mqtt.gateway-postgres" "Paho to Mosquitto tcp://127.0.0.1:$MQ_TCP, bridged by the gateway over PostgreSQL"
			# Every PostgreSQL process counts: the server is otherwise idle, and its backends do the storing work.
			PG_PIDS=$(pgrep -d, -x postgres || true)
			meta "pids.gateway-postgres" "gateway JVM + mosquitto + PostgreSQL's processes"
			meta "postgres" "$(psql -h 127.0.0.1 -U postgres -tAc 'SHOW server_version' postgres) on 127.0.0.1:5432, database $PG_DB, synchronous_commit $(psql -h 127.0.0.1 -U postgres -tAc 'SHOW synchronous_commit' postgres), wal_sync_method $(psql -h 127.0.0.1 -U postgres -tAc 'SHOW wal_sync_method' postgres)"
			commit_cost
			run_target gateway-postgres --style gateway --ws-url "ws://127.0.0.1:$GW_PORT/ws" \
				--http-url "http://127.0.0.1:$GW_PORT" --mqtt-url "tcp://127.0.0.1:$MQ_TCP" \
				--pid "$GATEWAY_PID,$MOSQUITTO_PID${PG_PIDS:+,$PG_PIDS}" --workloads w1,w2,w3
			stop_gateway
			GATEWAY_DB_ENV=()
			psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $PG_DB" postgres >> "$WORK/postgres.log" 2>&1 || true
		else
			log "PostgreSQL on 127.0.0.1:5432 not usable; gateway-postgres skipped: $(tail -n 1 "$WORK/postgres.log")"
		fi
	fi
	if has gateway && { [ "$QUICK" = 0 ] || [ "${BENCH_PROFILE:-}" = 1 ]; }; then
		profile_gateway
	fi
	stop_mosquitto
fi

if has gateway-embedded; then
	EMB=$(pick_port 18831)
	start_gateway "" "$EMB"
	meta "mqtt.gateway-embedded" "Paho to the embedded Moquette tcp://127.0.0.1:$EMB"
	meta "pids.gateway-embedded" "gateway JVM (broker inside)"
	# W1 and W3 only: enough to compare the embedded broker with Mosquitto without doubling the run's length.
	run_target gateway-embedded --style gateway --ws-url "ws://127.0.0.1:$GW_PORT/ws" \
		--http-url "http://127.0.0.1:$GW_PORT" --mqtt-url "tcp://127.0.0.1:$EMB" --pid "$GATEWAY_PID" \
		--workloads w1,w3
	stop_gateway
fi

if has rabbitmq; then
	if [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && id rabbitmq >/dev/null 2>&1; then
		start_rabbit
		meta "mqtt.rabbitmq" "Paho to RabbitMQ MQTT tcp://127.0.0.1:$RB_MQTT"
		meta "pids.rabbitmq" "beam.smp of bench@localhost"
		run_target rabbitmq --style rabbit --ws-url "ws://127.0.0.1:$RB_STOMP/ws" \
			--mqtt-url "tcp://127.0.0.1:$RB_MQTT" --login guest:guest --pid "$(cat "$RB_DIR/bench.pid")"
		stop_rabbit
	else
		log "RabbitMQ is not installed; skipped (apt-get install rabbitmq-server)"
	fi
fi

# ---------------------------------------------------------------- W6 cold start
coldstart() { # $1 = label, $2 = java, $3 = JVM options, $4 = jar
	local port; port=$(pick_port 18090)
	timeout 300 "$JAVA" "${TOOL_OPTS[@]}" -cp "$CP" dev.mqttchat.bench.BenchMain coldstart --label "$1" --java "$2" \
		--jvm-opts "$3" --jar "$4" --repeat "$([ "$QUICK" = 1 ] && echo 1 || echo 3)" --port "$port" \
		--mqtt-port "$(pick_port 18840)" --workdir "$WORK/coldstart" --out "$OUT/raw/coldstart-$1.json" \
		|| log "cold start $1 failed"
}
train() { # $1 = java, $2 = options that write the archive; a start that serves a few requests, then stops cleanly
	local port; port=$(pick_port 18070)
	(cd "$WORK" && exec env CHAT_MQTT_EMBEDDED_PORT=0 SERVER_PORT="$port" SPRING_DATASOURCE_URL=jdbc:h2:mem:training \
		timeout 180 "$1" $2 -jar "$WORK/extracted/gateway.jar") > "$WORK/training.log" 2>&1 &
	local pid=$!
	for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && break; sleep 0.1; done
	# The requests every start-up and first visit make, so their classes are in the archive too.
	curl -sf "http://127.0.0.1:$port/" > /dev/null || true
	curl -sf -X POST -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$port/api/rooms" > /dev/null || true
	kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true # the archive is written as the JVM exits; callers check for it
}
JDK25=${BENCH_JDK25:-$(ls -d /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-openjdk-* 2>/dev/null | head -n 1 || true)}
if [ "$COLDSTART" = 1 ]; then
	log "W6 cold starts"
	mkdir -p "$WORK/coldstart"
	coldstart jdk17 "$GATEWAY_JAVA" "" "$GATEWAY_JAR"
	if [ "$QUICK" = 0 ]; then
		# CDS and the AOT cache need the jar extracted (a classpath of plain jars), as Spring Boot documents.
		"$GATEWAY_JAVA" -Djarmode=tools -jar "$GATEWAY_JAR" extract --destination "$WORK/extracted" > /dev/null
		train "$GATEWAY_JAVA" "-XX:ArchiveClassesAtExit=$WORK/app17.jsa"
		[ -f "$WORK/app17.jsa" ] || log "no CDS archive written: $(tail -n 3 "$WORK/training.log")"
		if [ -f "$WORK/app17.jsa" ]; then
			coldstart jdk17-cds "$GATEWAY_JAVA" "-XX:SharedArchiveFile=$WORK/app17.jsa" "$WORK/extracted/gateway.jar"
		fi
		if [ -n "$JDK25" ]; then
			coldstart jdk25 "$JDK25/bin/java" "" "$GATEWAY_JAR"
			train "$JDK25/bin/java" "-XX:AOTCacheOutput=$WORK/app25.aot"
			[ -f "$WORK/app25.aot" ] || log "no AOT cache written: $(tail -n 3 "$WORK/training.log")"
			if [ -f "$WORK/app25.aot" ]; then
				coldstart jdk25-aot "$JDK25/bin/java" "-XX:AOTCache=$WORK/app25.aot" "$WORK/extracted/gateway.jar"
			fi
		else
			log "no JDK 25 found; W6 on JDK 25 skipped"
		fi
	fi
fi

# ---------------------------------------------------------------- report
meta duration "$(( ($(date +%s) - START) / 60 )) min $(( ($(date +%s) - START) % 60 )) s"
tool report --dir "$OUT" --out "$RESULTS/$NAME.md"
log "done in $(( $(date +%s) - START )) s: $RESULTS/$NAME.md"
