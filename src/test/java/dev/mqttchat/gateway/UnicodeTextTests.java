package dev.mqttchat.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The one rule for text from outside: lone surrogates, U+FFFE and U+FFFF nowhere, control
 * characters but tab and line breaks not in text; and a body that breaks it is never
 * serialized for subscribers.
 */
@Tag("jdk-smoke")
class UnicodeTextTests {

	private static final String HIGH = String.valueOf((char) 0xD800);

	private static final String LOW = String.valueOf((char) 0xDC00);

	@Test
	void pairedSurrogatesAreTextAndLoneOnesAreNot() {
		assertThat(UnicodeText.isText("emoji \uD83D\uDE00, tab\t, lines\r\n")).isTrue();
		assertThat(UnicodeText.isText(null)).as("an absent field").isTrue();
		assertThat(UnicodeText.isEncodable("x " + HIGH)).isFalse();
		assertThat(UnicodeText.isEncodable(LOW + HIGH)).as("reversed pair").isFalse();
		assertThat(UnicodeText.isEncodable("end " + HIGH)).isFalse();
		assertThat(UnicodeText.isEncodable("\uFFFF")).isTrue();
		assertThat(UnicodeText.isWellFormed("\uFFFF")).isFalse();
		assertThat(UnicodeText.isWellFormed("\uFFFE")).isFalse();
		assertThat(UnicodeText.isWellFormed("nul \u0000")).as("names have their own control rule").isTrue();
		assertThat(UnicodeText.isText("nul \u0000")).isFalse();
		assertThat(UnicodeText.isText("escape \u001b[31m")).isFalse();
	}

	@Test
	void everyStringInListsAndMapsIsChecked() {
		assertThat(UnicodeText.allWellFormed("a", 1, null, List.of("b", Map.of("id", "c")))).isTrue();
		assertThat(UnicodeText.allWellFormed("a", List.of("b", Map.of("id", HIGH)))).isFalse();
		assertThat(UnicodeText.allWellFormed(Map.of(HIGH, 1))).as("a key").isFalse();
	}

	@Test
	void aBodyThatCannotBeEncodedIsNeverSerialized() {
		assertThatIllegalArgumentException().isThrownBy(() -> SerializedBody.of("{\"text\":\"" + HIGH + "\"}"));
		assertThat(SerializedBody.of("{\"text\":\"\uD83D\uDE00\"}").length()).isEqualTo(15);
	}

	@Test
	void jsonWrittenAsBytesEscapesALoneSurrogate() {
		// Why Spring's own STOMP path (errors, receipts, presence) cannot fail on one:
		// its JSON is written as bytes, and the lone surrogate becomes an escape.
		byte[] json = JsonMapper.builder().build().writeValueAsBytes(Map.of("text", "x " + HIGH));

		assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"x \\uD800\"}");
	}

}
