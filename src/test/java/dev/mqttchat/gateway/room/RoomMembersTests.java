package dev.mqttchat.gateway.room;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jdbc.test.autoconfigure.DataJdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who belongs to which room: roles kept and changed, removals, a person's rooms newest
 * first, and members going with their room.
 */
@DataJdbcTest
@Import({ JdbcNamingConfig.class, RoomMembers.class, RoomAccess.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RoomMembersTests {

	@Autowired
	RoomMembers members;

	@Autowired
	RoomAccess access;

	@Autowired
	RoomRepository repository;

	@Autowired
	JdbcAggregateTemplate aggregates;

	@Test
	void addingThenChangingARoleSaysWhichItWas() {
		Room room = room("A", Access.MEMBERS, 0);
		assertThat(this.members.put(room.id(), "alice", Role.OWNER)).isTrue();
		assertThat(this.members.put(room.id(), "bob", Role.MEMBER)).isTrue();
		assertThat(this.members.put(room.id(), "bob", Role.MODERATOR)).isFalse();
		assertThat(this.members.put(room.id(), "carol", Role.MEMBER)).isTrue();

		assertThat(this.members.list(room.id())).containsExactly(new Member("alice", Role.OWNER),
				new Member("bob", Role.MODERATOR), new Member("carol", Role.MEMBER));
		assertThat(this.members.roleOf(room.id(), "bob")).contains(Role.MODERATOR);
		assertThat(this.members.roleOf(room.id(), "dave")).isEmpty();
	}

	@Test
	void aRemovedMemberMayNoLongerOpenAMembersRoomButStillALinkRoom() {
		Room members = room("B", Access.MEMBERS, 0);
		Room link = room("C", Access.LINK, 0);
		this.members.put(members.id(), "bob", Role.MEMBER);
		this.members.put(link.id(), "bob", Role.MEMBER);
		assertThat(this.access.mayOpen(members, "bob")).isTrue();

		assertThat(this.members.remove(members.id(), "bob")).isTrue();
		assertThat(this.members.remove(link.id(), "bob")).isTrue();

		assertThat(this.members.remove(members.id(), "bob")).isFalse();
		assertThat(this.access.mayOpen(members, "bob")).isFalse();
		assertThat(this.access.mayOpen(members, null)).isFalse();
		assertThat(this.access.mayOpen(link, "bob")).isTrue();
		assertThat(this.access.mayOpen(link, null)).isTrue();
	}

	@Test
	void someonesRoomsComeNewestFirstWithTheirRole() {
		Room older = room("D", Access.MEMBERS, 10);
		Room newer = room("E", Access.LINK, 5);
		Room notMine = room("F", Access.MEMBERS, 1);
		this.members.put(older.id(), "dave", Role.MEMBER);
		this.members.put(newer.id(), "dave", Role.OWNER);
		this.members.put(notMine.id(), "erin", Role.OWNER);

		assertThat(this.members.roomsOf("dave")).containsExactly(new RoomMembers.MemberRoom(newer, Role.OWNER),
				new RoomMembers.MemberRoom(older, Role.MEMBER));
	}

	@Test
	void membersGoWithTheirRoom() {
		Room room = room("G", Access.MEMBERS, 0);
		this.members.put(room.id(), "alice", Role.OWNER);

		this.repository.deleteById(room.id());

		assertThat(this.members.list(room.id())).isEmpty();
		assertThat(this.members.roomsOf("alice")).extracting((mine) -> mine.room().id()).doesNotContain(room.id());
	}

	@Test
	void aRoomKeepsItsAccess() {
		Room room = room("H", Access.MEMBERS, 0);

		assertThat(this.repository.findById(room.id()).map(RoomRow::toRoom)).contains(room);
	}

	private Room room(String letter, Access access, int minutesAgo) {
		Instant at = Instant.now().minusSeconds(60L * minutesAgo).truncatedTo(ChronoUnit.MICROS);
		RoomRow row = new RoomRow(letter.repeat(22), "room " + letter, "private", "hash", at, false, access.wireName());
		this.aggregates.insert(row);
		return row.toRoom();
	}

}
