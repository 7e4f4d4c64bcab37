package dev.mqttchat.gateway.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the service worker at {@code /sw.js} (so it controls the whole origin): the app
 * shell's files and version in front of its body, so its bytes change with the page's.
 */
@RestController
class ServiceWorkerController {

	private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);

	private final String script;

	ServiceWorkerController(JsonMapper json) throws IOException {
		AppShell shell = AppShell.fromClasspath();
		try (InputStream body = new ClassPathResource("static/" + AppShell.WORKER_BODY).getInputStream()) {
			this.script = "const SHELL = " + json.writeValueAsString(shell) + ";\n"
					+ new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@GetMapping("/sw.js")
	ResponseEntity<String> serviceWorker() {
		// Browsers check the worker for updates on each visit; no cache may answer for
		// it.
		return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(this.script);
	}

}
