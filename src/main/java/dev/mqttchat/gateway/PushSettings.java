package dev.mqttchat.gateway;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web Push notifications ({@code chat.push.*}) to devices whose page is closed: the
 * gateway's VAPID identity, the push services it may send to, and the limits.
 *
 * @param enabled whether the gateway offers push at all; off, {@code /api/push/*} answers
 * {@code 404} and nothing is sent
 * @param vapid the key pair and contact the gateway signs its pushes with
 * @param allowedEndpoints the URL prefixes a subscription's endpoint must start with:
 * {@code https://} prefixes, a host may start with {@code *.} for any of its subdomains;
 * an {@code http://} prefix only for a loopback address (a local push service in tests)
 * @param maxPerAddress the most subscriptions one client address may hold; one more is
 * answered {@code 429}
 * @param maxRooms the most rooms one subscription may name
 * @param ttl how long a push service keeps a push for a device that is offline; a message
 * stored later than this after it was sent is not pushed at all
 * @param maxAttempts the most times one push is sent when the push service is busy or
 * away ({@code 429}, {@code 5xx}, no answer)
 * @param retryDelay the wait before the second attempt, doubled for each further one
 * (unless the push service's {@code Retry-After} says longer)
 * @param showingLease how long a device's "showing this room" lasts unless its page
 * renews it
 */
public record PushSettings(@DefaultValue("true") boolean enabled, @Valid @DefaultValue Vapid vapid, @DefaultValue( {
		"https://fcm.googleapis.com/", "https://updates.push.services.mozilla.com/", "https://web.push.apple.com/",
		"https://*.notify.windows.com/" }) List<String> allowedEndpoints,
		@DefaultValue("20") @Min(1) @Max(100000) int maxPerAddress,
		@DefaultValue("100") @Min(1) @Max(1000) int maxRooms, @DefaultValue("6h") Duration ttl,
		@DefaultValue("5") @Min(1) @Max(20) int maxAttempts, @DefaultValue("2s") Duration retryDelay,
		@DefaultValue("90s") Duration showingLease){

	/** The placeholder contact used until an operator names theirs. */
	public static final String DEFAULT_SUBJECT = "mailto:webpush@example.com";

	/**
	 * The application server's identity towards push services (RFC 8292).
	 *
	 * @param publicKey base64url of the raw 65-byte uncompressed P-256 point; unset with
	 * {@code privateKey} unset makes a key pair once and keeps it in the database
	 * @param privateKey base64url of the 32-byte private scalar; never logged
	 * @param subject the contact push services may write to, a {@code mailto:} or
	 * {@code https:} URL; Apple's refuses placeholders on {@code localhost},
	 * {@code .local} or {@code .invalid}
	 */
	public record Vapid(@Nullable @Size(max = 200) String publicKey, @Nullable @Size(max = 200) String privateKey,
			@DefaultValue(DEFAULT_SUBJECT) @Pattern(regexp = "(mailto:|https://)\\S{3,200}",
					message = "must be a mailto: or https:// URL") String subject) {

		@Override
		public String toString() {
			// The private key must never reach a log line.
			return "Vapid[publicKey=" + this.publicKey + ", privateKey=" + ((this.privateKey != null) ? "******" : null)
					+ ", subject=" + this.subject + "]";
		}

	}

}
