package dev.mqttchat.gateway.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.webjars.WebJarVersionLocator;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files the page needs to start without a network (the page, its styles, modules,
 * icons and the STOMP bundle) and a version that changes whenever one of them does.
 *
 * @param version a digest of every file's path and bytes, and of the page's template
 * @param files the paths the service worker keeps, {@code /} first
 */
record AppShell(String version, List<String> files) {

	/** The STOMP client the page loads from its webjar (index.html). */
	static final String STOMP_BUNDLE = "/webjars/stomp__stompjs/bundles/stomp.umd.min.js";

	/** The worker's own body: served as /sw.js, never kept as part of the shell. */
	static final String WORKER_BODY = "offline/service-worker.js";

	/** Reads the shell from the class path, as packaged. */
	static AppShell fromClasspath() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			List<String> files = new ArrayList<>(List.of("/", STOMP_BUNDLE));
			digest
				.update(bytes(new PathMatchingResourcePatternResolver().getResource("classpath:templates/index.html")));
			digest.update(String.valueOf(new WebJarVersionLocator().version("stomp__stompjs"))
				.getBytes(StandardCharsets.UTF_8));
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:static/**/*.*");
			List<String> paths = new ArrayList<>();
			for (Resource resource : resources) {
				String url = resource.getURL().toString();
				String path = url.substring(url.lastIndexOf("/static/") + "/static/".length());
				if (resource.isReadable() && !path.equals(WORKER_BODY)) {
					paths.add(path);
					digest.update(path.getBytes(StandardCharsets.UTF_8));
					digest.update(bytes(resource));
				}
			}
			paths.stream().sorted().map((path) -> "/" + path).forEach(files::add);
			return new AppShell(HexFormat.of().formatHex(digest.digest()).substring(0, 16), List.copyOf(files));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return in.readAllBytes();
		}
	}

}
