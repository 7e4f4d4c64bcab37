package dev.mqttchat.gateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a loopback port in front of a real server, for faults no server makes on
 * its own: a black hole (connections stay open, nothing passes either way, as a half-open
 * link does) and a cut (every connection dropped and new ones refused).
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final int targetPort;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean blackHole;

	private volatile boolean refusing;

	private TcpProxy(int targetPort) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.targetPort = targetPort;
		Thread acceptor = new Thread(this::accept, "tcp-proxy-" + this.listener.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** A proxy in front of {@code 127.0.0.1:targetPort}. */
	public static TcpProxy to(int targetPort) throws IOException {
		return new TcpProxy(targetPort);
	}

	public int port() {
		return this.listener.getLocalPort();
	}

	/** Nothing passes from now on, while every connection stays open. */
	public void blackHole() {
		this.blackHole = true;
	}

	/** Every connection is dropped, and new ones are refused until {@link #heal()}. */
	public void cut() {
		this.refusing = true;
		dropAll();
	}

	/**
	 * Traffic passes again; connections that were black-holed are dropped, as a real
	 * network's would have been by then.
	 */
	public void heal() {
		if (this.blackHole) {
			dropAll();
		}
		this.blackHole = false;
		this.refusing = false;
	}

	private void dropAll() {
		for (Socket socket : this.sockets) {
			closeQuietly(socket);
		}
		this.sockets.clear();
	}

	private void accept() {
		while (!this.listener.isClosed()) {
			try {
				Socket client = this.listener.accept();
				if (this.refusing) {
					closeQuietly(client);
					continue;
				}
				Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(server);
				pipe(client, server);
				pipe(server, client);
			}
			catch (IOException ex) {
				// The listener closed, or the server refused: the client sees its socket
				// closed.
			}
		}
	}

	private void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					if (!this.blackHole) {
						out.write(buffer, 0, read);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// One side closed: close the other.
			}
			closeQuietly(from);
			closeQuietly(to);
		}, "tcp-proxy-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// Closing is all that was wanted.
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		dropAll();
	}

}
