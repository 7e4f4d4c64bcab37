package dev.mqttchat.gateway.room;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A room as stored: the aggregate Spring Data JDBC reads and writes.
 *
 * @param id the room id
 * @param name display name
 * @param topic MQTT topic
 * @param visibility {@code public} or {@code private}
 * @param ownerTokenHash SHA-256 of the owner token, hex; the token itself is never stored
 * @param createdAt when it was issued
 * @param lastSeq sequence number of the room's newest message
 */
@Table("room")
record RoomRow(@Id String id, @Nullable String name, String topic, String visibility, String ownerTokenHash,
		Instant createdAt, long lastSeq) {

	Room toRoom() {
		return new Room(this.id, this.name, this.topic, this.createdAt,
				"public".equals(this.visibility) ? Visibility.PUBLIC : Visibility.PRIVATE);
	}

}
