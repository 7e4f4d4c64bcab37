package dev.mqttchat.gateway.push;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/push/subscriptions} and {@code PUT .../{id}}: the
 * browser's subscription as {@code PushSubscription.toJSON()} gives it, the name it is
 * notified for, and its rooms. Everything is checked by {@link PushRequestReader}, so
 * that each refusal says what is wrong.
 *
 * @param subscription the endpoint and keys; optional on {@code PUT}
 * @param username the name to be notified for (ignored when signed in: the session's)
 * @param rooms the rooms and what to be notified of in each
 */
record PushRequest(@Nullable Subscription subscription, @Nullable String username, @Nullable List<Room> rooms) {

	/**
	 * A browser's push subscription.
	 *
	 * @param endpoint the push service URL pushes are posted to
	 * @param keys the keys payloads are encrypted with
	 */
	record Subscription(@Nullable String endpoint, @Nullable Keys keys) {
	}

	/**
	 * The subscription's keys.
	 *
	 * @param p256dh the device's P-256 public key, base64url of its uncompressed point
	 * @param auth its 16-byte authentication secret, base64url
	 */
	record Keys(@Nullable String p256dh, @Nullable String auth) {
	}

	/**
	 * One room.
	 *
	 * @param id the room's id
	 * @param level {@code all} or {@code mentions}, as {@code notify} in the JSON
	 */
	record Room(@Nullable String id, @JsonProperty("notify") @Nullable String level) {
	}

	/**
	 * The body of {@code PUT .../{id}/showing}.
	 *
	 * @param roomId the room the device's page shows now, {@code null} for none
	 */
	record Showing(@Nullable String roomId) {
	}

	/**
	 * The answer to a registration.
	 *
	 * @param id the subscription's id: whoever holds it may change or end it
	 */
	record Created(String id) {
	}

	/**
	 * The gateway's VAPID public key, for {@code PushManager.subscribe}.
	 *
	 * @param publicKey base64url of the uncompressed P-256 point
	 */
	record Key(String publicKey) {
	}

}
