package dev.mqttchat.gateway.room;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Room ids: drawn from {@code [A-Za-z0-9]} at the configured length, and nothing else
 * passes as one.
 */
class RoomIdsTests {

	private final RoomIds ids = new RoomIds(22);

	@Test
	void generatedIdsAreWellFormed() {
		for (int i = 0; i < 1000; i++) {
			String id = this.ids.next();
			assertThat(id).matches("[A-Za-z0-9]{22}");
			assertThat(this.ids.isWellFormed(id)).isTrue();
		}
	}

	@Test
	void lengthFollowsTheSetting() {
		assertThat(new RoomIds(40).next()).hasSize(40);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "AAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA#",
			"AAAAAAAAAAAAAAAAAAAAA+", "AAAAAAAAAAAAAAAAAAAAA/", "$SYSAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA\u0000",
			"AAAAAAAAAAAAAAAAAAAAA\u0410", "AAAAAAAAAAAAAAAAAAAAA\uff21", "AAAAAAAAAAAAAAAAAAA%41" })
	void anythingElseIsMalformed(String candidate) {
		assertThat(this.ids.isWellFormed(candidate)).isFalse();
	}

}
