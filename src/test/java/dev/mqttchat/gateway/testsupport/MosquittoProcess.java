package dev.mqttchat.gateway.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A Mosquitto broker run by a test as a process of its own, on a free loopback port with
 * persistence, so that the test can stop, kill and restart it.
 */
public final class MosquittoProcess implements AutoCloseable {

	private static final File BINARY = new File("/usr/sbin/mosquitto");

	private static final String DYNSEC_PLUGIN = "/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so";

	private final Path directory;

	private final int port;

	private Process process;

	private MosquittoProcess(Path directory, int port) throws IOException {
		// Queue without limit for a storing session that is changing hands.
		this(directory, port, List.of("allow_anonymous true", "max_queued_messages 0"));
	}

	private MosquittoProcess(Path directory, int port, List<String> access) throws IOException {
		this.directory = directory;
		this.port = port;
		Files.writeString(directory.resolve("mosquitto.conf"),
				String.join("\n", "listener " + port + " 127.0.0.1", String.join("\n", access), "persistence true",
						"persistence_location " + directory + "/", "user " + System.getProperty("user.name"), ""));
		this.process = launch();
	}

	/** Whether Mosquitto is installed here. */
	public static boolean available() {
		return BINARY.canExecute();
	}

	/** Starts a broker on a free port. */
	public static MosquittoProcess start() throws IOException {
		int port = FreePorts.next();
		return new MosquittoProcess(Files.createTempDirectory("mosquitto-"), port);
	}

	/**
	 * Starts a broker on a free port with the dynamic-security plugin, whose only client
	 * is {@code admin} (as {@code mosquitto_ctrl dynsec init} makes it); anonymous
	 * clients are refused.
	 */
	public static MosquittoProcess startWithDynamicSecurity(String admin, String password)
			throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("mosquitto-dynsec-");
		Path config = directory.resolve("dynamic-security.json");
		Process init = new ProcessBuilder("/usr/bin/mosquitto_ctrl", "dynsec", "init", config.toString(), admin,
				password)
			.redirectErrorStream(true)
			.start();
		if (!init.waitFor(10, TimeUnit.SECONDS) || init.exitValue() != 0) {
			throw new IllegalStateException("mosquitto_ctrl dynsec init failed");
		}
		int port = FreePorts.next();
		return new MosquittoProcess(directory, port,
				// A finite queue limit: with 0 ("no limit") Mosquitto 2.0.16+ (and
				// Debian's
				// 2.0.11, patched for CVE-2023-28366) disconnects a client after any
				// refused
				// publication ("Bad socket read/write ...: Unknown error."). Debug
				// logging:
				// denied publications and the plugin's commands are logged only there.
				List.of("allow_anonymous false", "plugin " + DYNSEC_PLUGIN, "plugin_opt_config_file " + config,
						"max_queued_messages 100000", "log_type all"));
	}

	/** Whether Mosquitto and its dynamic-security plugin are installed here. */
	public static boolean dynamicSecurityAvailable() {
		return available() && new File(DYNSEC_PLUGIN).canRead() && new File("/usr/bin/mosquitto_ctrl").canExecute();
	}

	public String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	/**
	 * The lines of the broker's log that contain {@code text}, for assertion messages.
	 */
	public String log(String text) {
		try {
			return Files.readAllLines(this.directory.resolve("mosquitto.log"))
				.stream()
				.filter((line) -> line.contains(text))
				.collect(Collectors.joining("\n"));
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	public int port() {
		return this.port;
	}

	/** Stops it as an operator would (it saves its sessions) and starts it again. */
	public void restart() throws IOException, InterruptedException {
		stop();
		this.process = launch();
	}

	/** Stops it as an operator would, saving its sessions. */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	/** Starts it again after {@link #stop()}. */
	public void startAgain() throws IOException {
		this.process = launch();
	}

	private Process launch() throws IOException {
		Process started = new ProcessBuilder(BINARY.getPath(), "-c",
				this.directory.resolve("mosquitto.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("mosquitto.log").toFile())
			.start();
		await().atMost(Duration.ofSeconds(10)).until(this::listening);
		return started;
	}

	private boolean listening() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}

}
