package dev.mqttchat.gateway.room;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** Rooms in the database. */
interface RoomRepository extends ListCrudRepository<RoomRow, String> {

	@Query("SELECT id, name, visibility, owner_token_hash, created_at, encrypted, access FROM room WHERE visibility = 'public' "
			+ "ORDER BY created_at DESC LIMIT :limit")
	List<RoomRow> newestPublic(int limit);

}
