package dev.mqttchat.gateway.search;

import java.sql.DatabaseMetaData;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Finds a room's messages whose current text has every term at the start of a word,
 * newest first: with PostgreSQL's full-text search (the GIN index of V15) where it runs,
 * with a regular expression per term on H2. Deleted messages have no text left, and
 * edits, reactions and other entries are not searched.
 */
@Repository
class MessageSearch {

	private static final String COLUMNS = "SELECT id, seq, username, sent_at, text FROM message ";

	private static final String ROOM = "room_id = :room AND seq < :below AND type = 'message' AND deleted = FALSE";

	/**
	 * PostgreSQL: the matching seqs from the index first, then the newest of them. Left
	 * to itself the planner walks the room backwards by seq and tests every message,
	 * since it expects a prefix query to match many: slow for a rare word in a long
	 * history. This way costs about a microsecond per match instead.
	 */
	private static final String POSTGRES = "WITH found AS MATERIALIZED (SELECT seq FROM message WHERE " + ROOM
			+ " AND to_tsvector('simple', text) @@ to_tsquery('simple', :query)), newest AS (SELECT seq FROM found "
			+ "ORDER BY seq DESC LIMIT :limit) " + COLUMNS + "WHERE room_id = :room AND seq IN (SELECT seq FROM "
			+ "newest) ORDER BY seq DESC";

	private final JdbcClient jdbc;

	private final boolean postgres;

	MessageSearch(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.postgres = "PostgreSQL"
			.equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
	}

	/**
	 * Up to {@code limit} hits below {@code below}, and whether there are more.
	 */
	SearchPage search(String roomId, SearchTerms terms, long below, int limit) {
		Map<String, Object> matching = new HashMap<>();
		String sql;
		if (this.postgres) {
			// The index's expression, so that the planner uses it. Terms are letters,
			// digits
			// and marks only, so quoting them is enough.
			sql = POSTGRES;
			matching.put("query",
					terms.words().stream().map((word) -> "'" + word + "':*").collect(Collectors.joining(" & ")));
		}
		else {
			StringBuilder each = new StringBuilder();
			for (int i = 0; i < terms.words().size(); i++) {
				each.append(" AND REGEXP_LIKE(text, :term").append(i).append(")");
				// A term begins a word: no letter, digit or mark right before it.
				matching.put("term" + i, "(?iuU)(?<![\\p{L}\\p{N}\\p{M}])" + Pattern.quote(terms.words().get(i)));
			}
			sql = COLUMNS + "WHERE " + ROOM + each + " ORDER BY seq DESC LIMIT :limit";
		}
		List<SearchHit> hits = this.jdbc.sql(sql)
			.param("room", roomId)
			.param("below", below)
			.params(matching)
			.param("limit", limit + 1)
			.query((row, index) -> new SearchHit(row.getString("id"), row.getLong("seq"), row.getString("username"),
					row.getObject("sent_at", OffsetDateTime.class).toInstant(),
					Snippets.of(row.getString("text"), terms)))
			.list();
		if (hits.size() <= limit) {
			return new SearchPage(hits, null);
		}
		List<SearchHit> page = hits.subList(0, limit);
		return new SearchPage(List.copyOf(page), page.get(limit - 1).seq());
	}

}
