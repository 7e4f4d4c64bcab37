package dev.mqttchat.gateway.room;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A room as stored: the aggregate Spring Data JDBC reads and writes. The room's message
 * counter ({@code last_seq}) is not part of it: the message store alone owns that column,
 * so saving a room can never turn its counter back.
 *
 * @param id the room id
 * @param name display name
 * @param visibility {@code public} or {@code private}
 * @param ownerTokenHash SHA-256 of the owner token, hex; the token itself is never stored
 * @param createdAt when it was issued
 * @param encrypted whether its messages are end-to-end encrypted
 * @param access {@code link} or {@code members}
 */
@Table("room")
record RoomRow(@Id String id, @Nullable String name, String visibility, String ownerTokenHash, Instant createdAt,
		boolean encrypted, String access) {

	@PersistenceCreator
	RoomRow {
	}

	RoomRow(String id, @Nullable String name, String visibility, String ownerTokenHash, Instant createdAt,
			boolean encrypted) {
		this(id, name, visibility, ownerTokenHash, createdAt, encrypted, "link");
	}

	Room toRoom() {
		return new Room(this.id, this.name, this.createdAt,
				"public".equals(this.visibility) ? Visibility.PUBLIC : Visibility.PRIVATE, this.encrypted,
				Access.of(this.access));
	}

}
