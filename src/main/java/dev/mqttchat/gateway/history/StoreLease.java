package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lease on the storing session: one instance at a time stores, the one whose lease is
 * current; another takes over once it lapses. A stored batch renews it in its own
 * transaction whenever less than half of it is left, so a former holder that lost it
 * cannot store.
 */
@Repository
public class StoreLease {

	private static final String NAME = "store";

	private final JdbcClient jdbc;

	/** Until when this process knows its holder holds the lease, by its own clock. */
	private final AtomicReference<@Nullable Held> held = new AtomicReference<>();

	StoreLease(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes or renews the lease for {@code holder} until {@code duration} from now, if it
	 * is free, lapsed or already {@code holder}'s.
	 * @return whether {@code holder} holds it now
	 */
	public boolean acquire(String holder, Duration duration) {
		long started = System.nanoTime();
		Instant now = Instant.now();
		return remember(holder, started, duration,
				this.jdbc
					.sql("UPDATE store_lease SET holder = :holder, expires_at = :until "
							+ "WHERE name = :name AND (holder = :holder OR holder IS NULL OR expires_at < :now)")
					.param("holder", holder)
					.param("until", utc(now.plus(duration)))
					.param("now", utc(now))
					.param("name", NAME)
					.update() == 1);
	}

	/**
	 * Renews the lease only if {@code holder} still has it.
	 * @return whether {@code holder} still holds it
	 */
	public boolean renew(String holder, Duration duration) {
		return remember(holder, System.nanoTime(), duration, update(holder, duration));
	}

	/**
	 * Whether {@code holder} may store in the current transaction. While more than half
	 * of the lease that this process last renewed is left (the storing instance renews
	 * every quarter), no other instance can have taken it and no statement is needed;
	 * otherwise it is renewed in this transaction, which also keeps any other instance
	 * from taking it until the transaction ends.
	 * @return whether {@code holder} still holds it
	 */
	public boolean confirm(String holder, Duration duration) {
		Held current = this.held.get();
		if (current != null && current.holder().equals(holder)
				&& current.until() - System.nanoTime() > duration.toNanos() / 2) {
			return true;
		}
		// Not remembered: the transaction may still roll back.
		return update(holder, duration);
	}

	private boolean update(String holder, Duration duration) {
		return this.jdbc.sql("UPDATE store_lease SET expires_at = :until WHERE name = :name AND holder = :holder")
			.param("until", utc(Instant.now().plus(duration)))
			.param("name", NAME)
			.param("holder", holder)
			.update() == 1;
	}

	/**
	 * Gives the lease up at once, so that another instance takes over without waiting.
	 */
	public void release(String holder) {
		this.held.set(null);
		this.jdbc
			.sql("UPDATE store_lease SET holder = NULL, expires_at = :epoch WHERE name = :name AND holder = :holder")
			.param("epoch", utc(Instant.EPOCH))
			.param("name", NAME)
			.param("holder", holder)
			.update();
	}

	private boolean remember(String holder, long started, Duration duration, boolean holds) {
		// Counted from before the statement: the database's expiry is at least as late.
		this.held.set(holds ? new Held(holder, started + duration.toNanos()) : null);
		return holds;
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private record Held(String holder, long until) {
	}

}
