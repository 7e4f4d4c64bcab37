package dev.mqttchat.gateway;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What each STOMP session's subscriptions stand for, by session and subscription id, so
 * an UNSUBSCRIBE or a closed session releases exactly what its SUBSCRIBEs took. Not
 * thread-safe: its owner holds its own lock around each call.
 *
 * @param <T> what one subscription stands for
 */
public final class SessionSubscriptions<T> {

	private final Map<String, Map<String, T>> sessions = new HashMap<>();

	/**
	 * Records {@code value} for a subscription; what it stood for before, if anything.
	 */
	public @Nullable T put(String session, String subscription, T value) {
		return this.sessions.computeIfAbsent(session, (id) -> new HashMap<>()).put(subscription, value);
	}

	/** Forgets one subscription; what it stood for, if it was recorded. */
	public @Nullable T remove(@Nullable String session, @Nullable String subscription) {
		Map<String, T> subscriptions = (session != null) ? this.sessions.get(session) : null;
		return (subscriptions != null && subscription != null) ? subscriptions.remove(subscription) : null;
	}

	/** Forgets a closed session; what its subscriptions stood for. */
	public Collection<T> removeSession(@Nullable String session) {
		Map<String, T> subscriptions = (session != null) ? this.sessions.remove(session) : null;
		return (subscriptions != null) ? subscriptions.values() : List.of();
	}

}
