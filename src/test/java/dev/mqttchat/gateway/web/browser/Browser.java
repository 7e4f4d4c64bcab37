package dev.mqttchat.gateway.web.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * One headless Debian Chromium driven through the system chromedriver, with its own
 * throw-away profile.
 */
final class Browser implements AutoCloseable {

	/**
	 * Where Debian's {@code chromium} package puts the browser; override with
	 * {@code -Dbrowser.chromium}.
	 */
	static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");

	/**
	 * Where Debian's {@code chromium-driver} package puts the driver; override with
	 * {@code -Dbrowser.chromedriver}.
	 */
	static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private Browser(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	static Browser start() {
		try {
			Path profile = Files.createTempDirectory("chromium-test-profile-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,800", "--lang=en-US",
					// Two browsers share the machine: neither may have its reconnect
					// timers throttled.
					"--disable-background-timer-throttling", "--disable-renderer-backgrounding",
					"--disable-backgrounding-occluded-windows");
			// Console messages let each test check for script errors and
			// Content-Security-Policy violations.
			options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
			// An explicit driver executable keeps Selenium Manager from running (no
			// download, no network).
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
			return new Browser(driver, profile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * Lays the page out as on a phone of the given CSS size; {@link #desktop()} undoes
	 * it.
	 */
	void phone(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
	}

	void desktop() {
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		lightScheme();
	}

	/**
	 * Takes the browser off the network ({@code online} false) or puts it back, as
	 * DevTools' network emulation does: the page gets its {@code offline} and
	 * {@code online} events, and new requests fail while offline.
	 */
	void network(boolean online) {
		this.driver.executeCdpCommand("Network.enable", Map.of());
		this.driver.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
	}

	/** Switches prefers-color-scheme to dark, as a phone in night mode would. */
	void darkScheme() {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
	}

	void lightScheme() {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "light"))));
	}

	/**
	 * Errors the page logged since the last call: uncaught exceptions and
	 * Content-Security-Policy violations. Failed HTTP requests are left out: the page
	 * answers those itself (a 404 problem, the optional public list).
	 */
	List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter((message) -> !message.contains("Failed to load resource"))
			.toList();
	}

	/** Saves what the browser shows as {@code target/screenshots/{name}.png}. */
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover profile in the temp directory is not worth failing a test run
			// over.
		}
	}

}
