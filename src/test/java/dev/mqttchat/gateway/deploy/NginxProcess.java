package dev.mqttchat.gateway.deploy;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.mqttchat.gateway.testsupport.FreePorts;

import static org.awaitility.Awaitility.await;

/**
 * Debian's nginx running the project's own template,
 * {@code deploy/nginx/default.conf.template}, rendered the way the official image's
 * entrypoint does: only {@code ${CHAT_PROXY_PORT}}, {@code ${CHAT_UPSTREAM_1}} and
 * {@code ${CHAT_UPSTREAM_2}} are replaced.
 */
final class NginxProcess implements AutoCloseable {

	static final File BINARY = new File("/usr/sbin/nginx");

	static final Path TEMPLATE = Path.of("deploy/nginx/default.conf.template");

	private final Process process;

	private final int port;

	private NginxProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static boolean isInstalled() {
		return BINARY.canExecute() && Files.isRegularFile(TEMPLATE);
	}

	static NginxProcess start(String upstream1, String upstream2) throws IOException {
		Path dir = Files.createTempDirectory("nginx-smoke");
		// Workers of a root master run as nobody: they need to write the temporary paths.
		dir.toFile().setWritable(true, false);
		int port = FreePorts.next();
		String server = Files.readString(TEMPLATE)
			.replace("${CHAT_PROXY_PORT}", Integer.toString(port))
			.replace("${CHAT_UPSTREAM_1}", upstream1)
			.replace("${CHAT_UPSTREAM_2}", upstream2);
		Files.writeString(dir.resolve("default.conf"), server);
		Files.writeString(dir.resolve("nginx.conf"), """
				worker_processes 1;
				daemon off;
				pid %1$s/nginx.pid;
				error_log %1$s/error.log warn;
				events { worker_connections 256; }
				http {
				    access_log off;
				    client_body_temp_path %1$s/body;
				    proxy_temp_path %1$s/proxy;
				    fastcgi_temp_path %1$s/fastcgi;
				    uwsgi_temp_path %1$s/uwsgi;
				    scgi_temp_path %1$s/scgi;
				    include %1$s/default.conf;
				}
				""".formatted(dir.toAbsolutePath()), StandardCharsets.UTF_8);
		Process process = new ProcessBuilder(BINARY.getPath(), "-p", dir.toString(), "-c",
				dir.resolve("nginx.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("stdout.log").toFile())
			.start();
		NginxProcess nginx = new NginxProcess(process, port);
		await().atMost(Duration.ofSeconds(15)).until(() -> !process.isAlive() || nginx.isListening());
		if (!process.isAlive()) {
			throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("stdout.log"))
					+ Files.readString(dir.resolve("error.log")));
		}
		return nginx;
	}

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

	private boolean isListening() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor();
	}

}
