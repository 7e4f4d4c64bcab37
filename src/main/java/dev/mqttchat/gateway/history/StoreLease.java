package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lease on the storing session: one instance at a time stores, the one whose lease is
 * current; another takes over once it lapses. Every stored batch renews it in its own
 * transaction, so a former holder that lost it cannot store.
 */
@Repository
public class StoreLease {

	private static final String NAME = "store";

	private final JdbcClient jdbc;

	StoreLease(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes or renews the lease for {@code holder} until {@code duration} from now, if it
	 * is free, lapsed or already {@code holder}'s.
	 * @return whether {@code holder} holds it now
	 */
	public boolean acquire(String holder, Duration duration) {
		Instant now = Instant.now();
		return this.jdbc
			.sql("UPDATE store_lease SET holder = :holder, expires_at = :until "
					+ "WHERE name = :name AND (holder = :holder OR holder IS NULL OR expires_at < :now)")
			.param("holder", holder)
			.param("until", utc(now.plus(duration)))
			.param("now", utc(now))
			.param("name", NAME)
			.update() == 1;
	}

	/**
	 * Renews the lease only if {@code holder} still has it; inside a transaction this
	 * also keeps any other instance from taking it until that transaction ends.
	 * @return whether {@code holder} still holds it
	 */
	public boolean renew(String holder, Duration duration) {
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
		this.jdbc
			.sql("UPDATE store_lease SET holder = NULL, expires_at = :epoch WHERE name = :name AND holder = :holder")
			.param("epoch", utc(Instant.EPOCH))
			.param("name", NAME)
			.param("holder", holder)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
