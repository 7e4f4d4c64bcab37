package dev.mqttchat.gateway.history;

import java.net.URI;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.chat.ChatMessage;
import dev.mqttchat.gateway.chat.MessageSource;
import dev.mqttchat.gateway.room.JdbcNamingConfig;
import dev.mqttchat.gateway.room.RoomRegistry;
import dev.mqttchat.gateway.room.Visibility;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history API on its own: pages as JSON, RFC 9457 problems for bad parameters and
 * rooms that are not there.
 */
@WebMvcTest({ HistoryController.class, ThreadController.class })
@StoreComponents
@Import({ HistoryAround.class, RoomRegistry.class, JdbcNamingConfig.class, SimpleMeterRegistry.class })
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class,
		FlywayAutoConfiguration.class, DataJdbcRepositoriesAutoConfiguration.class })
@EnableConfigurationProperties(ChatProperties.class)
class HistoryControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RoomRegistry rooms;

	@Autowired
	MessageStore store;

	@Test
	void aPageIsTheStoredMessagesWithTheirSeq() {
		String room = this.rooms.create(null, Visibility.PRIVATE).room().id();
		for (int i = 1; i <= 3; i++) {
			this.store
				.store(new ChatMessage("m" + i, room, "ada", null, "hello " + i, Instant.now(), MessageSource.WEB));
		}

		assertThat(this.mvc.get().uri("/api/rooms/{id}/messages?after=1", room)).hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"[{\"id\":\"m2\",\"seq\":2,\"text\":\"hello 2\",\"username\":\"ada\",\"source\":\"web\"},"
							+ "{\"id\":\"m3\",\"seq\":3,\"text\":\"hello 3\"}]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "?limit=0", "?limit=201", "?limit=abc", "?before=-1", "?after=x", "?around=-1",
			"?around=5&before=9", "?around=5&after=1" })
	void badParametersAreAProblem400(String query) {
		String room = this.rooms.create(null, Visibility.PRIVATE).room().id();

		assertThat(this.mvc.get().uri("/api/rooms/" + room + "/messages" + query)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType("application/problem+json");
	}

	@Test
	void aroundWithBeforeOrAfterSaysToUseItAlone() {
		String room = this.rooms.create(null, Visibility.PRIVATE).room().id();

		assertThat(this.mvc.get().uri("/api/rooms/{id}/messages?around=3&after=1", room))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("around asks for the page around one message: use it without before and after.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "AAAAAAAAAAAAAAAAAAAAAA", "short", "%41AAAAAAAAAAAAAAAAAAAAA" })
	void historyOfARoomThatIsNotThereIsAProblem404(String id) {
		assertThat(this.mvc.get().uri(URI.create("/api/rooms/" + id + "/messages"))).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Room not found");
	}

	@Test
	void aPercentEncodedSpellingOfAnIssuedRoomNamesNoRoom() {
		String room = this.rooms.create(null, Visibility.PRIVATE).room().id();
		String encoded = "%" + Integer.toHexString(room.charAt(0)).toUpperCase() + room.substring(1);

		assertThat(this.mvc.get().uri(URI.create("/api/rooms/" + encoded + "/messages")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/api/rooms/" + room + "/messages")).hasStatusOk();
	}

}
