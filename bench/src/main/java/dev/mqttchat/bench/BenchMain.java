package dev.mqttchat.bench;

import java.util.Arrays;

/**
 * The load tool's entry point: {@code run} drives the workloads against one target, {@code coldstart} times gateway
 * starts, {@code scale} drives the scale-out workload over several gateways, {@code report} turns the result files into the Markdown report and its charts.
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
			usage();
			return;
		}
		Flags flags = Flags.parse(Arrays.copyOfRange(args, 1, args.length));
		switch (args[0]) {
			case "run" -> RunCommand.run(flags);
			case "coldstart" -> ColdStartCommand.run(flags);
			case "scale" -> ScaleCommand.run(flags);
			case "report" -> ReportCommand.run(flags);
			default -> {
				usage();
				System.exit(2);
			}
		}
		// Paho and the JDK's HTTP clients leave daemon and non-daemon threads behind; the work is done.
		System.exit(0);
	}

	private static void usage() {
		System.out.println("""
				usage: BenchMain run --style gateway|rabbit|mosquitto-ws --ws-url URL --mqtt-url URL --out FILE
				                     [--name NAME] [--http-url URL] [--login user:pass] [--pid PID,...] [--quick]
				                     [--workloads w1,w2,w3,w4,w5,w8] [--qos 0] [--payload-bytes 100] [--publishers 4]
				                     [--http-clients 2] [--client-threads 0] [--handshakes 64]
				                     [--warmup 3s] [--measure 12s] [--step-measure 5s] [--w1-rates 100,1000]
				                     [--w1-subscribers 1,100] [--w2-start-rate 2000] [--w3-subscribers 1,100,1000]
				                     [--w3-start-deliveries 5000] [--search-steps 8] [--bisect-steps 2]
				                     [--w4-rooms 100] [--w4-per-room 10] [--w4-rate-per-room 10]
				                     [--w5-sessions 0,1000,5000] [--w8-rate 100] [--w8-payload-bytes 3000]
				       BenchMain coldstart --label NAME --jar FILE --out FILE [--java PATH] [--jvm-opts "..."]
				                     [--repeat 3] [--port 18090] [--mqtt-port 18840]
				       BenchMain scale --ws-urls URL,... --gateway-pids PID,... --http-url URL --mqtt-urls URL,...
				                     --out FILE --phases warm,single|warm,spread,on1,on2,idle [--broker-pids PID,...]
				                     [--db-pids PID,...] [--rooms 30] [--readers-per-room 3] [--rate 100] [--qos 1]
				                     [--warmup 10s] [--first-warmup 30s] [--measure 30s]
				       BenchMain report --dir DIR --out FILE.md [--quick]   (DIR/raw/scale.json: the W-scale report)
				""");
	}

}
