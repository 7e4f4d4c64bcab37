package dev.mqttchat.gateway.push;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rooms have push subscriptions, as the storing path asks it: from memory, those
 * registered here at once, those registered through another instance after a refresh.
 */
@DataJdbcTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PushRoomsTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void roomsOfSubscriptionsMadeHereCountAtOnce() {
		PushRooms rooms = new PushRooms(this.jdbc);

		rooms.added(List.of(new PushSubscriptions.PushRoom("here-room", Notify.ALL)));

		assertThat(rooms.named("here-room")).isTrue();
		assertThat(rooms.named("quiet-room")).as("a room nobody subscribed to").isFalse();
	}

	@Test
	void roomsOfSubscriptionsMadeElsewhereCountOnceReadAgain() {
		PushRooms rooms = new PushRooms(this.jdbc);
		// As another instance registers: straight into the shared database.
		insert("elsewhere-room", "elsewhere-subscription");

		assertThat(rooms.named("elsewhere-room")).as("before the refresh").isFalse();
		rooms.refresh();

		assertThat(rooms.named("elsewhere-room")).as("after the refresh").isTrue();
		this.jdbc.sql("DELETE FROM push_subscription WHERE id_hash = 'elsewhere-subscription'").update();
		rooms.refresh();
		assertThat(rooms.named("elsewhere-room")).as("once its last subscription ended").isFalse();
	}

	private void insert(String roomId, String hash) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc
			.sql("INSERT INTO room (id, name, visibility, owner_token_hash, created_at) "
					+ "VALUES (:id, 'a room', 'private', 'hash', :now)")
			.param("id", roomId)
			.param("now", now)
			.update();
		this.jdbc
			.sql("INSERT INTO push_subscription (id_hash, endpoint, p256dh, auth, username, address, created_at) "
					+ "VALUES (:hash, :endpoint, 'k', 'a', 'ada', '127.0.0.1', :now)")
			.param("hash", hash)
			.param("endpoint", "https://push.example/" + hash)
			.param("now", now)
			.update();
		this.jdbc.sql("INSERT INTO push_room (subscription, room_id, notify) VALUES (:hash, :room, 'all')")
			.param("hash", hash)
			.param("room", roomId)
			.update();
	}

}
