package dev.mqttchat.gateway.fault;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The gateway's readiness and liveness as a proxy or an orchestrator sees them. */
final class Readiness {

	private static final HttpClient http = HttpClient.newHttpClient();

	private Readiness() {
	}

	/** Whether {@code /actuator/health/readiness} answers UP. */
	static boolean isReady(int port) {
		return isUp(port, "readiness");
	}

	/** Whether {@code /actuator/health/liveness} answers UP. */
	static boolean isLive(int port) {
		return isUp(port, "liveness");
	}

	private static boolean isUp(int port, String group) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/" + group))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (Exception ex) {
			return false;
		}
	}

}
