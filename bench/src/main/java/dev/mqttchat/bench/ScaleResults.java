package dev.mqttchat.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * What the scale-out workload (W-scale) measured: several gateways on one clustered broker, one phase per way
 * of spreading the rooms' readers over them, written as JSON after every phase and read back by the report.
 */
final class ScaleResults {

	public String startedAt;

	public String finishedAt;

	public String loadJava;

	/** Each gateway's WebSocket URL, in gateway order (gateway 1 first). */
	public List<String> gateways = new ArrayList<>();

	/** The broker nodes' MQTT URLs; publisher k publishes through node k modulo their count. */
	public List<String> nodes = new ArrayList<>();

	/** The room ids, issued once by gateway 1 and reused by every phase. */
	public List<String> rooms = new ArrayList<>();

	public int readersPerRoom;

	public double ratePerSec;

	public int qos;

	public int payloadBytes;

	public List<Phase> phases = new ArrayList<>();

	public List<String> notes = new ArrayList<>();

	/**
	 * One phase: readers placed on the gateways as its name says, a fixed total rate, CPU read per process.
	 *
	 * @param name {@code single}, {@code spread}, {@code on1}, {@code on2}, ... or {@code idle}
	 * @param description what the phase does, for the report
	 * @param running gateways running (and measured) during the phase
	 * @param roomsPerGateway rooms whose readers are on each gateway
	 * @param readersPerGateway readers (STOMP sessions) on each gateway
	 * @param ready readers a probe reached before measuring
	 * @param ratePerSec offered messages per second over all rooms
	 * @param seconds length of the measured window
	 * @param sent measured messages published
	 * @param expectedPerGateway deliveries owed to each gateway's readers
	 * @param deliveredPerGateway deliveries each gateway's readers received
	 * @param outOfOrder deliveries that came before one published earlier to the same room
	 * @param publishErrors publishes Paho refused
	 * @param publisherLagMs how far the publishers fell behind their schedule at worst
	 * @param latency every reader's latency from the intended send time
	 * @param gatewayCpu CPU of each gateway JVM over the window, in cores (-1 for one not running)
	 * @param brokerCpu CPU of the broker nodes together, in cores
	 * @param databaseCpu CPU of PostgreSQL's processes together, in cores
	 * @param loadCpu CPU of the load tool, in cores
	 */
	record Phase(String name, String description, int running, int[] roomsPerGateway, int[] readersPerGateway,
			int ready, double ratePerSec, double seconds, long sent, long[] expectedPerGateway,
			long[] deliveredPerGateway, long outOfOrder, long publishErrors, double publisherLagMs, Latency latency,
			double[] gatewayCpu, double brokerCpu, double databaseCpu, double loadCpu) {

		long delivered() {
			long total = 0;
			for (long d : this.deliveredPerGateway) {
				total += d;
			}
			return total;
		}

		long expected() {
			long total = 0;
			for (long e : this.expectedPerGateway) {
				total += e;
			}
			return total;
		}

		/** CPU of the running gateways together, in cores. */
		double gatewaysCpu() {
			double total = 0;
			for (int i = 0; i < this.running; i++) {
				total += Math.max(0, this.gatewayCpu[i]);
			}
			return total;
		}

	}

}
