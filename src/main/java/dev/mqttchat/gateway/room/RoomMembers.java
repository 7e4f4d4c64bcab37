package dev.mqttchat.gateway.room;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who belongs to which room in which role, read from the database on every question, so
 * that a member removed through any instance is out at once everywhere.
 */
@Component
public class RoomMembers {

	private final JdbcClient jdbc;

	RoomMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code username}'s role in room {@code roomId}, empty if not a member. */
	public Optional<Role> roleOf(String roomId, String username) {
		return this.jdbc.sql("SELECT role FROM room_members WHERE room_id = :room AND username = :username")
			.param("room", roomId)
			.param("username", username)
			.query(String.class)
			.optional()
			.map(Role::of);
	}

	/** The room's members: the owner first, then moderators, then members, as added. */
	public List<Member> list(String roomId) {
		return this.jdbc
			.sql("SELECT username, role FROM room_members WHERE room_id = :room "
					+ "ORDER BY CASE role WHEN 'owner' THEN 0 WHEN 'moderator' THEN 1 ELSE 2 END, added_at, username")
			.param("room", roomId)
			.query((row, index) -> new Member(row.getString("username"),
					Objects.requireNonNullElse(Role.of(row.getString("role")), Role.MEMBER)))
			.list();
	}

	/**
	 * Gives {@code username} {@code role} in room {@code roomId}.
	 * @return whether they were added (rather than their role changed)
	 */
	public boolean put(String roomId, String username, Role role) {
		int changed = this.jdbc
			.sql("UPDATE room_members SET role = :role WHERE room_id = :room AND username = :username")
			.param("role", role.wireName())
			.param("room", roomId)
			.param("username", username)
			.update();
		if (changed > 0) {
			return false;
		}
		this.jdbc
			.sql("INSERT INTO room_members (room_id, username, role, added_at) VALUES (:room, :username, :role, :at)")
			.param("room", roomId)
			.param("username", username)
			.param("role", role.wireName())
			.param("at", OffsetDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
			.update();
		return true;
	}

	/** Takes {@code username} out of room {@code roomId}; whether they were in it. */
	public boolean remove(String roomId, String username) {
		return this.jdbc.sql("DELETE FROM room_members WHERE room_id = :room AND username = :username")
			.param("room", roomId)
			.param("username", username)
			.update() > 0;
	}

	/** The rooms {@code username} belongs to, newest first, with their role in each. */
	public List<MemberRoom> roomsOf(String username) {
		return this.jdbc
			.sql("SELECT r.id, r.name, r.visibility, r.created_at, r.encrypted, r.access, m.role FROM room r "
					+ "JOIN room_members m ON m.room_id = r.id WHERE m.username = :username ORDER BY r.created_at DESC")
			.param("username", username)
			.query((row,
					index) -> new MemberRoom(
							new Room(row.getString("id"), row.getString("name"),
									row.getObject("created_at", OffsetDateTime.class).toInstant(),
									"public".equals(row.getString("visibility")) ? Visibility.PUBLIC
											: Visibility.PRIVATE,
									row.getBoolean("encrypted"), Access.of(row.getString("access"))),
							Objects.requireNonNullElse(Role.of(row.getString("role")), Role.MEMBER)))
			.list();
	}

	/**
	 * A room someone belongs to.
	 *
	 * @param room the room
	 * @param role their role in it
	 */
	public record MemberRoom(Room room, Role role) {
	}

}
