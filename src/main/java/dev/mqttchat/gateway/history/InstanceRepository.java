package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gateway instances running now, as each last said so: a row per instance, renewed
 * while it runs and removed when it stops (or left to lapse when it is killed).
 */
@Repository
public class InstanceRepository {

	private final JdbcClient jdbc;

	InstanceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records that {@code instance} runs for at least {@code duration} from now. */
	public void running(String instance, Duration duration) {
		OffsetDateTime until = utc(Instant.now().plus(duration));
		int updated = this.jdbc.sql("UPDATE gateway_instance SET seen_until = :until WHERE id = :id")
			.param("until", until)
			.param("id", instance)
			.update();
		if (updated == 0) {
			// Only this instance writes its own row, so nobody races this insert.
			this.jdbc.sql("INSERT INTO gateway_instance (id, seen_until) VALUES (:id, :until)")
				.param("id", instance)
				.param("until", until)
				.update();
		}
	}

	/** Whether any instance but {@code instance} runs now. */
	public boolean othersRunning(String instance) {
		return this.jdbc.sql("SELECT COUNT(*) FROM gateway_instance WHERE id <> :id AND seen_until > :now")
			.param("id", instance)
			.param("now", utc(Instant.now()))
			.query(Long.class)
			.single() > 0;
	}

	/** Removes {@code instance}, and instances that lapsed long ago. */
	public void stopped(String instance) {
		this.jdbc.sql("DELETE FROM gateway_instance WHERE id = :id OR seen_until < :longAgo")
			.param("id", instance)
			.param("longAgo", utc(Instant.now().minus(Duration.ofDays(1))))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
