package dev.mqttchat.gateway.presence;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.LookalikeNames;

/**
 * What subscribers of {@code /topic/rooms/{id}/presence} receive: the whole roster right
 * after subscribing, then each join and leave, and the room's deletion (a name that may
 * imitate another with {@code lookalike} and {@code nameSkeleton}, as
 * {@link PresenceMember}).
 *
 * @param type {@code roster}, {@code join}, {@code leave}, or {@code deleted} (the room
 * was deleted: nobody is in it, and nothing more comes)
 * @param username who joined or left; absent in a roster
 * @param source {@code web} or {@code mqtt}; absent in a roster
 * @param since when a joining person came; absent otherwise
 * @param members the roster; absent in a join or leave
 * @param author the proven author key of who joined or left; absent without one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PresenceNotice(String type, @Nullable String username, @Nullable String source, @Nullable Instant since,
		@Nullable List<PresenceMember> members, @Nullable String author) {

	/** Whether a joining or leaving name mixes scripts as imitations do. */
	@JsonProperty("lookalike")
	@JsonInclude(JsonInclude.Include.NON_DEFAULT)
	boolean lookalike() {
		return LookalikeNames.mixesScripts(this.username);
	}

	/** A joining or leaving name's confusable skeleton when not the name itself. */
	@JsonProperty("nameSkeleton")
	@Nullable String nameSkeleton() {
		return LookalikeNames.skeleton(this.username);
	}

	static PresenceNotice roster(List<PresenceMember> members) {
		return new PresenceNotice("roster", null, null, null, members, null);
	}

	static PresenceNotice join(PresenceMember member) {
		return new PresenceNotice("join", member.username(), member.source(), member.since(), null, member.author());
	}

	static PresenceNotice leave(PresenceEntry entry) {
		return new PresenceNotice("leave", entry.username(), entry.source(), null, null, entry.author());
	}

	static PresenceNotice deleted() {
		return new PresenceNotice("deleted", null, null, null, null, null);
	}

}
