package dev.mqttchat.gateway.chat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The username rule: NFKC form, and no invisible or text-direction characters. */
@Tag("jdk-smoke")
class UsernamesTests {

	@Test
	void aNameIsKeptStrippedInItsNfkcForm() {
		assertThat(Usernames.normalized("  ada ")).isEqualTo("ada");
		assertThat(Usernames.normalized("\uff41\uff44\uff41")).as("fullwidth").isEqualTo("ada");
		assertThat(Usernames.normalized("Jose\u0301")).as("composed").isEqualTo("Jos\u00e9");
		assertThat(Usernames.normalized("Zo\u00eb \u674e\u96f7 \u0645\u062d\u0645\u062f")).isNotNull();
		assertThat(Usernames.normalized("\u00a0\u3000")).as("only spaces, once normalized").isNull();
	}

	@Test
	void invisibleAndDirectionCharactersAreRefusedAndNamed() {
		for (String name : new String[] { "ad\u200ba", "a\u200cda", "a\u200dda", "ada\u2060", "\ufeffada",
				"\u202enimda", "ada\u200e", "ada\u200f", "\u202aada", "ada\u2066", "ada\u2069", "ada\u061c",
				"ada\u180e", "ad\u034fa", "\u3164", "ada\u00ad", "a\u2028da" }) {
			assertThat(Usernames.normalized(name)).as("%s", name.codePoints().toArray()).isNull();
		}
		assertThat(Usernames.whyRefused("ad\u200ba")).contains("U+200B").contains("invisible");
		assertThat(Usernames.whyRefused("\u202enimda")).contains("U+202E");
		assertThat(Usernames.whyRefused("x".repeat(33))).isEqualTo(Usernames.RULE);
	}

	@Test
	void lengthAndControlCharactersAreStillChecked() {
		assertThat(Usernames.normalized("x".repeat(32))).isNotNull();
		assertThat(Usernames.normalized("x".repeat(33))).isNull();
		assertThat(Usernames.normalized("a\tb")).isNull();
		assertThat(Usernames.normalized("")).isNull();
		assertThat(Usernames.normalized(null)).isNull();
	}

	@Test
	void aNameMixingScriptsLikeASpoofIsTold() {
		assertThat(LookalikeNames.mixesScripts("\u0430d\u0430")).isTrue();
		assertThat(LookalikeNames.skeleton("\u0430d\u0430")).isEqualTo("ada");
		assertThat(LookalikeNames.mixesScripts("ada")).isFalse();
		assertThat(LookalikeNames.skeleton("ada")).isNull();
		assertThat(LookalikeNames.mixesScripts("\u0418\u0432\u0430\u043d")).as("Cyrillic alone").isFalse();
		assertThat(LookalikeNames.mixesScripts("ada \u6771\u4eac")).as("Latin with Han").isFalse();
	}

}
