package dev.mqttchat.gateway.push;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The rule against server-side request forgery: the gateway sends pushes only to
 * endpoints under the configured prefixes (the browsers' push services), over https;
 * plain http only under a prefix an operator named for a loopback address. Endpoints are
 * compared part by part (scheme, host, port, path), never as strings, so that user info
 * ({@code https://fcm.googleapis.com@evil.example/}) or a look-alike host cannot pass.
 */
final class AllowedEndpoints {

	/** The longest endpoint taken; browsers' are a few hundred characters. */
	static final int MAX_LENGTH = 2048;

	private final List<Prefix> prefixes;

	private final List<String> described;

	/**
	 * The rule for these prefixes.
	 * @throws IllegalArgumentException if one is not an https URL, or an http URL of a
	 * loopback address
	 */
	AllowedEndpoints(List<String> prefixes) {
		this.prefixes = prefixes.stream().map(AllowedEndpoints::prefix).toList();
		this.described = List.copyOf(prefixes);
	}

	/** Why {@code endpoint} is refused, or {@code null} if pushes may go there. */
	@Nullable String whyRefused(String endpoint) {
		if (endpoint.length() > MAX_LENGTH) {
			return "endpoint is longer than " + MAX_LENGTH + " characters";
		}
		URI uri;
		try {
			uri = new URI(endpoint);
		}
		catch (URISyntaxException ex) {
			return "endpoint is not a URL";
		}
		if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getRawUserInfo() != null
				|| uri.getRawFragment() != null) {
			return "endpoint must be an absolute https URL with a host, no user info and no fragment";
		}
		for (Prefix prefix : this.prefixes) {
			if (prefix.matches(uri)) {
				return null;
			}
		}
		return "endpoint is not on a push service this gateway sends to (" + String.join(", ", this.described) + ")";
	}

	private static Prefix prefix(String text) {
		URI uri = URI.create(text.strip());
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		if (host == null && uri.getRawAuthority() != null && uri.getRawAuthority().startsWith("*.")) {
			// URI takes no "*" in a host name: the authority is read as it stands.
			host = uri.getRawAuthority();
		}
		if (host == null || uri.getRawUserInfo() != null
				|| !(scheme.equals("https") || (scheme.equals("http") && isLoopback(host)))) {
			throw new IllegalArgumentException("CHAT_PUSH_ALLOWEDENDPOINTS: \"" + text + "\" is not an https URL "
					+ "prefix (http only for a loopback address: 127.0.0.1, [::1])");
		}
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		return new Prefix(scheme, host.toLowerCase(Locale.ROOT), portOf(scheme, uri.getPort()), path);
	}

	private static boolean isLoopback(String host) {
		String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		// Literal addresses only: a name could resolve elsewhere later.
		if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
			return false;
		}
		try {
			return InetAddress.getByName(literal).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	private static int portOf(String scheme, int port) {
		return (port != -1) ? port : scheme.equals("https") ? 443 : 80;
	}

	/** One prefix, its host either exact or {@code *.domain} for any subdomain. */
	private record Prefix(String scheme, String host, int port, String path) {

		boolean matches(URI endpoint) {
			String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
			String host = endpoint.getHost().toLowerCase(Locale.ROOT);
			boolean hostMatches = this.host.startsWith("*.") ? host.endsWith(this.host.substring(1))
					: host.equals(this.host);
			String path = (endpoint.getRawPath() == null) ? "" : endpoint.getRawPath();
			return scheme.equals(this.scheme) && hostMatches && portOf(scheme, endpoint.getPort()) == this.port
					&& (path.startsWith(this.path) || (path + "/").equals(this.path))
					// No dot segments that would climb out of the prefix's path.
					&& path.equals(endpoint.normalize().getRawPath());
		}

	}

}
