package dev.mqttchat.gateway.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the servers tests start themselves (brokers, child gateways, nginx, proxies),
 * each handed out once and from a block of its test JVM's own.
 * <p>
 * A port found free by opening and closing {@code ServerSocket(0)} is bound only later,
 * and meanwhile anyone may take it: with two test JVMs, the other JVM's next such pick
 * (or an embedded broker on port 0). The blocks lie below Linux's ephemeral range (32768
 * and up), from which {@code bind(0)} and outgoing connections take their ports, and each
 * Surefire fork ({@code chat.test.fork}) has its own, so nothing else asks for these
 * ports.
 */
public final class FreePorts {

	private static final int FIRST = 20000;

	private static final int BLOCK = 4000;

	private static final int BLOCKS = 3;

	private static final int start = FIRST
			+ (Math.max(1, Integer.getInteger("chat.test.fork", 1)) - 1) % BLOCKS * BLOCK;

	private static final AtomicInteger next = new AtomicInteger();

	private FreePorts() {
	}

	/**
	 * A port of this JVM's block that nobody listens on now and that this JVM has not
	 * handed out before.
	 */
	public static int next() {
		for (int tries = 0; tries < BLOCK; tries++) {
			int port = start + next.getAndIncrement() % BLOCK;
			try (ServerSocket probe = new ServerSocket()) {
				// Without SO_REUSEADDR, so a port still in TIME_WAIT from an earlier
				// server counts as taken.
				probe.setReuseAddress(false);
				probe.bind(new InetSocketAddress("0.0.0.0", port));
				return port;
			}
			catch (IOException ex) {
				// Taken by a service of the machine or still held: the next one.
			}
		}
		throw new IllegalStateException("no free port in " + start + ".." + (start + BLOCK - 1));
	}

	/** {@code count} distinct ports, as {@link #next()}. */
	public static int[] next(int count) {
		int[] ports = new int[count];
		for (int i = 0; i < count; i++) {
			ports[i] = next();
		}
		return ports;
	}

}
