package dev.mqttchat.gateway.room;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Room-id validation, for any input: exactly the configured length of ASCII letters and
 * digits passes.
 */
class RoomIdPropertyTests {

	private final RoomIds ids = new RoomIds(22);

	@Property
	void acceptsExactlyTheAlphabetAtTheLength(@ForAll String candidate) {
		assertThat(this.ids.isWellFormed(candidate)).isEqualTo(candidate.matches("[A-Za-z0-9]{22}"));
	}

	@Property
	void oneForeignCharacterAnywhereIsRejected(@ForAll("ids") String id, @ForAll("foreign") char intruder,
			@ForAll("positions") int position) {
		String tampered = id.substring(0, position) + intruder + id.substring(position + 1);

		assertThat(this.ids.isWellFormed(tampered)).isFalse();
	}

	@Property(tries = 200)
	void everyGeneratedIdIsWellFormed() {
		assertThat(this.ids.isWellFormed(this.ids.next())).isTrue();
	}

	@Provide
	Arbitrary<String> ids() {
		return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').numeric().ofLength(22);
	}

	@Provide
	Arbitrary<Character> foreign() {
		return Arbitraries.chars()
			.filter((c) -> !String.valueOf(c).matches("[A-Za-z0-9]"))
			.edgeCases((edges) -> edges.add('#').add('+').add('/').add('$').add('\u0000').add('\u0410').add('%'));
	}

	@Provide
	Arbitrary<Integer> positions() {
		return Arbitraries.integers().between(0, 21);
	}

}
