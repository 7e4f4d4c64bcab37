package dev.mqttchat.gateway.history;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storing lease: a batch confirms it without a statement while it is fresh, renews it
 * when it runs low, and a former holder is fenced off.
 */
@DataJdbcTest
@Import(StoreLease.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class StoreLeaseTests {

	private static final Duration LEASE = Duration.ofSeconds(5);

	@Autowired
	StoreLease lease;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freeTheLease() {
		this.jdbc.sql("UPDATE store_lease SET holder = NULL WHERE name = 'store'").update();
	}

	@Test
	void aFreshLeaseIsConfirmedWithoutTouchingTheDatabase() {
		assertThat(this.lease.acquire("a", LEASE)).isTrue();
		OffsetDateTime before = expiresAt();
		assertThat(this.lease.confirm("a", LEASE)).isTrue();
		assertThat(expiresAt()).isEqualTo(before);
	}

	@Test
	void aLeaseWithLessThanHalfLeftIsRenewedWhenConfirmed() {
		assertThat(this.lease.acquire("a", Duration.ZERO)).isTrue();
		OffsetDateTime before = expiresAt();
		assertThat(this.lease.confirm("a", LEASE)).isTrue();
		assertThat(expiresAt()).isAfter(before.plusSeconds(4));
	}

	@Test
	void aFormerHolderCannotConfirm() {
		assertThat(this.lease.acquire("a", Duration.ZERO)).isTrue();
		takenBy("b");
		assertThat(this.lease.confirm("a", LEASE)).isFalse();
	}

	@Test
	void aFailedRenewalIsForgotten() {
		assertThat(this.lease.acquire("a", LEASE)).isTrue();
		takenBy("b");
		assertThat(this.lease.renew("a", LEASE)).isFalse();
		assertThat(this.lease.confirm("a", LEASE)).isFalse();
	}

	private OffsetDateTime expiresAt() {
		return this.jdbc.sql("SELECT expires_at FROM store_lease WHERE name = 'store'")
			.query(OffsetDateTime.class)
			.single();
	}

	private void takenBy(String holder) {
		this.jdbc.sql("UPDATE store_lease SET holder = :holder, expires_at = :until WHERE name = 'store'")
			.param("holder", holder)
			.param("until", OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1))
			.update();
	}

}
