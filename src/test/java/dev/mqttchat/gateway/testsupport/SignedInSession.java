package dev.mqttchat.gateway.testsupport;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * A person signed in to a gateway through {@link OidcProvider}'s login form, as a browser
 * does it (redirects, cookies, the provider's CSRF field), holding the gateway's session
 * cookie and its {@code XSRF-TOKEN} for writes.
 */
public final class SignedInSession {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final String gateway;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(this.cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private SignedInSession(String gateway) {
		this.gateway = gateway;
	}

	/** Signs {@code user} in at the gateway on {@code port} (127.0.0.1). */
	public static SignedInSession signIn(int port, String user) throws Exception {
		SignedInSession session = new SignedInSession("http://127.0.0.1:" + port);
		HttpResponse<String> last = session.attempt(user);
		if (!session.get("/api/me").body().contains("\"username\"")) {
			throw new IllegalStateException("sign-in of " + user + " ended at " + last.uri() + " with "
					+ last.statusCode() + ": " + last.body());
		}
		return session;
	}

	/**
	 * Goes through the sign-in as {@code user} and returns the last response, signed in
	 * or not (a refused sign-in ends on the gateway's failure page).
	 */
	public static HttpResponse<String> attemptSignIn(int port, String user) throws Exception {
		return new SignedInSession("http://127.0.0.1:" + port).attempt(user);
	}

	private HttpResponse<String> attempt(String user) throws Exception {
		HttpResponse<String> response = follow(URI.create(this.gateway + "/oauth2/authorization/oidc"));
		Matcher csrf = CSRF_FIELD.matcher(response.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no login form at " + response.uri() + ": " + response.body());
		}
		String form = "username=" + encode(user) + "&password=" + encode(OidcProvider.password(user)) + "&_csrf="
				+ encode(csrf.group(1));
		HttpResponse<String> posted = this.http.send(HttpRequest.newBuilder(response.uri())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		return followFrom(posted);
	}

	private HttpResponse<String> follow(URI uri) throws Exception {
		return followFrom(
				this.http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()));
	}

	private HttpResponse<String> followFrom(HttpResponse<String> first) throws Exception {
		HttpResponse<String> response = first;
		for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
			URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			response = this.http.send(HttpRequest.newBuilder(next).GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		return response;
	}

	/** A GET with the session. */
	public HttpResponse<String> get(String path) throws Exception {
		return send("GET", path, null);
	}

	/**
	 * A request with the session and, unless it is a GET, the CSRF token; {@code json} is
	 * its body, if any.
	 */
	public HttpResponse<String> send(String method, String path, @Nullable String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.gateway + path))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		String xsrf = cookie("XSRF-TOKEN");
		if (!"GET".equals(method) && xsrf != null) {
			request.header("X-XSRF-TOKEN", xsrf);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The gateway's cookies as a {@code Cookie} header, e.g. for the WebSocket handshake.
	 */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.get(URI.create(this.gateway))
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	/** A gateway cookie's value, if set. */
	public @Nullable String cookie(String name) {
		return this.cookies.getCookieStore()
			.get(URI.create(this.gateway))
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
