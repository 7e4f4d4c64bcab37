package dev.mqttchat.gateway.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Snippets and query words on their own: what is marked, what is escaped, where text is
 * cut, and which queries are refused.
 */
class SnippetsTests {

	@Test
	void marksEveryWordThatBeginsWithATermCaseInsensitively() {
		assertThat(Snippets.of("Deploy done; deployment of DEPLOYED builds redeploys", SearchTerms.parse("deploy")))
			.isEqualTo("**Deploy** done; **deployment** of **DEPLOYED** builds redeploys");
		assertThat(Snippets.of("Über alles, über ÜBER", SearchTerms.parse("üb")))
			.isEqualTo("**Über** alles, **über** **ÜBER**");
	}

	@Test
	void escapesMarkdownOfTheUsersTextAndJoinsLines() {
		assertThat(Snippets.of("a *b* _c_ `d` ~e~ [f] \\g #h >i\n\nfind  me", SearchTerms.parse("find")))
			.isEqualTo("a \\*b\\* \\_c\\_ \\`d\\` \\~e\\~ \\[f\\] \\\\g \\#h \\>i **find** me");
		assertThat(Snippets.of("**bold** words", SearchTerms.parse("bold"))).isEqualTo("\\*\\***bold**\\*\\* words");
	}

	@Test
	void cutsLongTextAroundTheFirstMatchAtWordsWithAnEllipsis() {
		String before = "lorem ipsum ".repeat(20);
		String after = " dolor sit amet".repeat(20);

		String text = before + "needle" + after;
		String snippet = Snippets.of(text, SearchTerms.parse("NEED"));

		assertThat(snippet).startsWith("…").endsWith("…").contains("**needle**");
		String shown = snippet.substring(1, snippet.length() - 1).replace("**", "");
		assertThat(shown.length()).isLessThanOrEqualTo(Snippets.LENGTH);
		assertThat(text).as("cut between words").contains(" " + shown + " ");
		assertThat(shown.indexOf("needle")).isLessThanOrEqualTo(40);
	}

	@Test
	void aMatchNearTheEndShowsMoreOfWhatComesBefore() {
		String snippet = Snippets.of("word ".repeat(60) + "end", SearchTerms.parse("end"));

		assertThat(snippet).startsWith("…word").endsWith(" **end**");
		assertThat(snippet.length()).isGreaterThan(Snippets.LENGTH - 10);
	}

	@Test
	void aMatchTheDatabaseFoundButTheseWordsDoNotShowsTheStart() {
		assertThat(Snippets.of("nothing here", SearchTerms.parse("else"))).isEqualTo("nothing here");
	}

	@Test
	void queriesAreWordsOfLettersAndDigits() {
		assertThat(SearchTerms.parse("  Deploy, the BUILD_42! deploy ").words()).containsExactly("deploy", "the",
				"build", "42");
		assertThatIllegalArgumentException().isThrownBy(() -> SearchTerms.parse("   ")).withMessageContaining("empty");
		assertThatIllegalArgumentException().isThrownBy(() -> SearchTerms.parse("?! **"))
			.withMessageContaining("no letters or digits");
		assertThatIllegalArgumentException().isThrownBy(() -> SearchTerms.parse("x".repeat(201)))
			.withMessageContaining("longer than 200");
		assertThatIllegalArgumentException().isThrownBy(() -> SearchTerms.parse("a b c d e f g h i j k"))
			.withMessageContaining("more than 10 words");
	}

}
