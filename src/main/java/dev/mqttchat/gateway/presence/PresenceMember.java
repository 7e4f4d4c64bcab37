package dev.mqttchat.gateway.presence;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.chat.LookalikeNames;

/**
 * One person in a room's roster, however many tabs or connections they have: a username
 * and, if their connections proved one, an author key (the same name with another key is
 * another person). Its JSON also says whether the name may imitate another
 * ({@code lookalike}, {@code nameSkeleton}, see {@link LookalikeNames}).
 *
 * @param username who is there
 * @param source {@code web} if any of their connections is a browser, else {@code mqtt}
 * @param since when their earliest connection came
 * @param author their proven author key, in the JSON only when there is one
 */
public record PresenceMember(String username, String source, Instant since,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String author) {

	/** Whether the name mixes scripts as imitations do; in the JSON only when true. */
	@JsonProperty("lookalike")
	@JsonInclude(JsonInclude.Include.NON_DEFAULT)
	public boolean lookalike() {
		return LookalikeNames.mixesScripts(this.username);
	}

	/** The name's confusable skeleton when not the name itself. */
	@JsonProperty("nameSkeleton")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public @Nullable String nameSkeleton() {
		return LookalikeNames.skeleton(this.username);
	}

}
