package dev.mqttchat.gateway.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of a documented example script under the system's python3, its output kept for
 * the test's failure messages.
 */
public final class PythonScript {

	private static final File PYTHON = new File("/usr/bin/python3");

	private final Process process;

	private final Path output;

	private PythonScript(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/** Whether python3 is there and imports each of {@code modules}. */
	public static boolean available(String... modules) throws IOException, InterruptedException {
		if (!PYTHON.canExecute()) {
			return false;
		}
		Process probe = new ProcessBuilder(PYTHON.getPath(), "-c", "import " + String.join(", ", modules)).start();
		return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
	}

	/** Starts {@code script} with {@code args}. */
	public static PythonScript start(Path script, String... args) throws IOException {
		Path output = Files.createTempFile("example-script-", ".txt");
		List<String> command = new ArrayList<>(List.of(PYTHON.getPath(), script.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		return new PythonScript(process, output);
	}

	/** Types one line into the script's standard input. */
	public void type(String line) throws IOException {
		this.process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
		this.process.getOutputStream().flush();
	}

	/** Closes the script's standard input, as Ctrl-D on a terminal. */
	public void endInput() throws IOException {
		this.process.getOutputStream().close();
	}

	/** Waits up to 30 s for the script to end; its exit code, or -1 if it did not. */
	public int exitCode() throws InterruptedException {
		return this.process.waitFor(30, TimeUnit.SECONDS) ? this.process.exitValue() : -1;
	}

	/** What the script printed so far, for assertion messages. */
	public String printed() {
		try {
			return "the script printed: " + Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
