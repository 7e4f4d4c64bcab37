package dev.mqttchat.gateway.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Ports for the servers tests start themselves (brokers, child gateways, nginx, proxies),
 * each handed out once and from a block of its test JVM's own.
 * <p>
 * A port found free by opening and closing {@code ServerSocket(0)} is bound only later,
 * and meanwhile anyone may take it: with two test JVMs, the other JVM's next such pick
 * (or an embedded broker on port 0). The blocks lie below Linux's ephemeral range (32768
 * and up), from which {@code bind(0)} and outgoing connections take their ports, and each
 * JVM holds its block by a lock on a file of the temporary directory for as long as it
 * runs, so two JVMs (of one build or of two builds at once) never share one.
 */
public final class FreePorts {

	private static final int FIRST = 20000;

	private static final int BLOCK = 2000;

	private static final int BLOCKS = 6;

	private static final int start = FIRST + claimBlock() * BLOCK;

	private static final AtomicInteger next = new AtomicInteger();

	/** The lock that keeps this JVM's block; held, never released, until the JVM ends. */
	private static @Nullable FileLock held;

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

	private static int claimBlock() {
		Path directory = Path.of(System.getProperty("java.io.tmpdir"));
		for (int block = 0; block < BLOCKS; block++) {
			try {
				FileChannel channel = FileChannel.open(
						directory.resolve("mqtt-chat-gateway-test-ports-" + block + ".lock"), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock();
				if (lock != null) {
					held = lock;
					return block;
				}
				channel.close();
			}
			catch (IOException | OverlappingFileLockException ex) {
				// Not ours to take: the next block.
			}
		}
		throw new IllegalStateException("all " + BLOCKS + " port blocks are held by other test JVMs");
	}

}
