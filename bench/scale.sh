# The scale-out workload (W-scale), sourced by bench/run.sh --scale after the build: a 3-node NATS cluster of its
# own (MQTT + JetStream, free loopback ports, never the machine's NATS on 4222), one PostgreSQL database of its
# own, three gateways given the node list (each a different node first). Phases (each call starts with "warm",
# placed as spread and not reported, so the JVMs are warm):
#   single  gateway 1 alone, every reader on it (the other gateways not yet started)
#   spread  three gateways, room i's readers on gateway (i mod 3) + 1
#   on1     every reader on gateway 1 (the storing instance), gateways 2 and 3 serve no room
#   on2     every reader on gateway 2, gateways 1 and 3 serve no room
#   idle    no readers, no messages: each gateway's background CPU
# env: BENCH_SCALE_FLAGS  extra flags for the tool, e.g. "--rooms 30 --readers-per-room 3 --rate 300 --measure 25s"
#      BENCH_NATS         nats-server binary (default /usr/sbin/nats-server)

SCALE_NATS_PIDS=()
SCALE_GW_PIDS=()
SCALE_GW_PORTS=()
SCALE_DB=""

scale_cleanup() {
	local pid
	for pid in ${SCALE_GW_PIDS[@]+"${SCALE_GW_PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; done
	for pid in ${SCALE_GW_PIDS[@]+"${SCALE_GW_PIDS[@]}"}; do
		for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$pid" 2>/dev/null || true
	done
	SCALE_GW_PIDS=()
	for pid in ${SCALE_NATS_PIDS[@]+"${SCALE_NATS_PIDS[@]}"}; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
	SCALE_NATS_PIDS=()
	if [ -n "$SCALE_DB" ]; then
		psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $SCALE_DB" postgres >> "$WORK/postgres.log" 2>&1 || true
		SCALE_DB=""
	fi
}

SCALE_NEXT_PORT=14300
scale_port() { # a free port above the last one handed out, so a batch of them never repeats
	SCALE_PORT=$(pick_port "$SCALE_NEXT_PORT")
	SCALE_NEXT_PORT=$((SCALE_PORT + 1))
}

scale_start_nats() {
	local nats=${BENCH_NATS:-/usr/sbin/nats-server} n routes="" client=() route=() mqtt=()
	[ -x "$nats" ] || { echo "nats-server not found at $nats (apt-get install nats-server)" >&2; exit 1; }
	for n in 0 1 2; do
		scale_port; client[n]=$SCALE_PORT; scale_port; route[n]=$SCALE_PORT; scale_port; mqtt[n]=$SCALE_PORT
		routes="$routes${routes:+, }nats-route://127.0.0.1:${route[n]}"
	done
	mkdir -p "$WORK/nats"
	SCALE_NODES=""
	for n in 0 1 2; do
		# As the suite's NatsCluster: ack_wait 2 s, so a lost node's unacknowledged messages come back soon.
		cat > "$WORK/nats/n$((n + 1)).conf" <<-CONF
			server_name: n$((n + 1))
			listen: 127.0.0.1:${client[n]}
			jetstream { store_dir: "$WORK/nats/n$((n + 1))" }
			cluster { name: bench-scale, listen: 127.0.0.1:${route[n]}, routes: [$routes] }
			mqtt { listen: 127.0.0.1:${mqtt[n]}, ack_wait: "2s" }
		CONF
		"$nats" -c "$WORK/nats/n$((n + 1)).conf" > "$WORK/nats/n$((n + 1)).log" 2>&1 &
		SCALE_NATS_PIDS+=($!)
		SCALE_NODES="$SCALE_NODES${SCALE_NODES:+,}tcp://127.0.0.1:${mqtt[n]}"
	done
	for n in 0 1 2; do
		wait_port "${mqtt[n]}" 30 || { tail -n 20 "$WORK/nats/n$((n + 1)).log"; echo "NATS node $((n + 1)) did not start" >&2; exit 1; }
	done
	# Ready once a QoS 1 publication is acknowledged on every node: JetStream then has its leaders.
	if command -v mosquitto_pub > /dev/null; then
		for n in 0 1 2; do
			for _ in $(seq 1 60); do
				timeout 5 mosquitto_pub -h 127.0.0.1 -p "${mqtt[n]}" -q 1 -i "bench-ready-$n" -t bench/ready -m x \
					2>/dev/null && break
				sleep 0.5
			done
		done
	else
		sleep 5
	fi
	log "NATS cluster $(echo "${SCALE_NATS_PIDS[@]}" | tr ' ' ,), MQTT on $SCALE_NODES"
}

scale_nodes_from() { # $1 = 0-based node to put first
	local nodes n out=""
	IFS=, read -r -a nodes <<< "$SCALE_NODES"
	for n in 0 1 2; do out="$out${out:+,}${nodes[$(((n + $1) % 3))]}"; done
	echo "$out"
}

scale_start_gateway() { # $1 = gateway number from 1
	local i=$1 port pid env
	port=$(pick_port $((18180 + i))); SCALE_GW_PORTS[i]=$port
	mkdir -p "$WORK/gateway-$i"
	env=(SERVER_PORT="$port" CHAT_MQTT_URL="$(scale_nodes_from $((i - 1)))" CHAT_ROOMS_CREATEPERMINUTE=1000000
		CHAT_WEB_MAXSOCKETSPERADDRESS=1000000 SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$SCALE_DB"
		SPRING_DATASOURCE_USERNAME=postgres)
	# shellcheck disable=SC2206
	[ -n "${BENCH_GATEWAY_ENV:-}" ] && env+=($BENCH_GATEWAY_ENV)
	(cd "$WORK/gateway-$i" && exec env "${env[@]}" "$GATEWAY_JAVA" -jar "$GATEWAY_JAR") > "$WORK/gateway-$i.log" 2>&1 &
	pid=$!
	SCALE_GW_PIDS+=("$pid")
	for _ in $(seq 1 1200); do
		curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null \
			| python3 -c 'import json, sys; sys.exit(json.load(sys.stdin)["status"] != "UP")' 2>/dev/null && break
		kill -0 "$pid" 2>/dev/null || { tail -n 30 "$WORK/gateway-$i.log"; echo "gateway $i exited" >&2; exit 1; }
		sleep 0.1
	done
	curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP || { echo "gateway $i is not healthy" >&2; exit 1; }
	log "gateway $i: $pid on 127.0.0.1:$port, CHAT_MQTT_URL=$(scale_nodes_from $((i - 1)))"
}

scale_tool() { # $1 = gateways running; the rest are tool flags
	local n=$1 ws="" pids i; shift
	for i in $(seq 1 "$n"); do ws="$ws${ws:+,}ws://127.0.0.1:${SCALE_GW_PORTS[i]}/ws"; done
	pids=$(echo "${SCALE_GW_PIDS[@]:0:$n}" | tr ' ' ,)
	# shellcheck disable=SC2086
	timeout 900 "$JAVA" "${TOOL_OPTS[@]}" -cp "$CP" dev.mqttchat.bench.BenchMain scale --out "$OUT/raw/scale.json" \
		--ws-urls "$ws" --gateway-pids "$pids" --http-url "http://127.0.0.1:${SCALE_GW_PORTS[1]}" \
		--mqtt-urls "$SCALE_NODES" --broker-pids "$(echo "${SCALE_NATS_PIDS[@]}" | tr ' ' ,)" \
		--db-pids "$(pgrep -d, -x postgres || true)" "$@" ${BENCH_SCALE_FLAGS:-} ${EXTRA[@]+"${EXTRA[@]}"} \
		2>&1 | tee -a "$WORK/tool-scale.log" || log "the tool failed or timed out; its partial results are kept"
}

run_scale() {
	scale_start_nats
	SCALE_DB="bench_scale_$(date +%s)"
	psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $SCALE_DB" postgres > "$WORK/postgres.log" 2>&1 \
		|| { cat "$WORK/postgres.log"; echo "PostgreSQL on 127.0.0.1:5432 is not usable" >&2; exit 1; }
	# Gateway 1 starts alone: it takes the storing lease, and the single-gateway phase runs before the others exist
	# (with one instance the gateway announces nothing on the live topics).
	scale_start_gateway 1
	for _ in $(seq 1 300); do grep -q "holds the storing lease" "$WORK/gateway-1.log" && break; sleep 0.1; done
	# Each call starts with an unreported warm-up phase (--first-warmup + --measure, 60 s of traffic): the gateways it
	# meets first are cold JVMs, and JIT compiling in a measured window would be counted as the workload's CPU.
	scale_tool 1 --phases warm,single
	scale_start_gateway 2
	scale_start_gateway 3
	scale_tool 3 --phases warm,spread,on1,on2,idle
	grep -l "holds the storing lease" "$WORK"/gateway-*.log | sed 's/.*gateway-\([0-9]\).log/storing: gateway \1/' \
		>> "$WORK/storing.txt" || true
	meta "scale.storing" "$(tr '\n' ' ' < "$WORK/storing.txt")"
	meta "scale.gateways" "each over PostgreSQL and the 3 nodes, gateway k listing node k first; CHAT_ROOMS_CREATEPERMINUTE=1000000 CHAT_WEB_MAXSOCKETSPERADDRESS=1000000${BENCH_GATEWAY_ENV:+ $BENCH_GATEWAY_ENV}"
	meta "scale.broker" "3 nodes of $(/usr/sbin/nats-server --version 2>/dev/null) clustered on loopback, MQTT + JetStream (file store), mqtt { ack_wait: 2s }"
	meta "scale.database" "PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'SHOW server_version' postgres) on 127.0.0.1:5432, database $SCALE_DB, shared by the gateways"
	scale_cleanup
}
