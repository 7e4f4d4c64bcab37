package dev.mqttchat.gateway.room;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The rooms REST API: ids, bodies, and RFC 9457 problems for bad input. */
@WebMvcTest(controllers = RoomController.class, properties = "chat.rooms.create-per-minute=100000")
@Import({ RoomRegistry.class, RoomCreationLimiter.class, JdbcNamingConfig.class })
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
		DataJdbcRepositoriesAutoConfiguration.class })
@EnableConfigurationProperties(ChatProperties.class)
class RoomControllerTests {

	@Autowired
	MockMvcTester mvc;

	@TestConfiguration(proxyBeanMethods = false)
	static class Topics {

		@Bean
		RoomTopicResolver roomTopicResolver() {
			// The bridge names topics; here any name proves the controller shows what the
			// bridge says.
			return (roomId) -> "chat/rooms/" + roomId;
		}

	}

	@Test
	void createdRoomHasLocationAndEveryField() {
		MvcTestResult result = this.mvc.post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"coding_issues\"}")
			.exchange();

		assertThat(result).hasStatus(HttpStatus.CREATED);
		String id = result.getResponse().getHeader("Location").substring("http://localhost/api/rooms/".length());
		assertThat(result).bodyJson()
			.isLenientlyEqualTo("{\"id\":\"" + id + "\",\"name\":\"coding_issues\",\"topic\":\"chat/rooms/" + id
					+ "\",\"destination\":\"/topic/rooms/" + id + "\",\"sendDestination\":\"/app/rooms/" + id + "\"}");
		assertThat(result).bodyJson().extractingPath("$.createdAt").asString().matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
	}

	@Test
	void roomWithoutBodyHasNoName() {
		assertThat(this.mvc.post().uri("/api/rooms")).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.name")
			.isNull();
	}

	@Test
	void roomIdsAreRandomAlphanumericsOfTheConfiguredLength() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			MvcTestResult result = this.mvc.post().uri("/api/rooms").exchange();
			String location = result.getResponse().getHeader("Location");
			ids.add(location.substring("http://localhost/api/rooms/".length()));
		}
		assertThat(ids).hasSize(200).allMatch((id) -> id.matches("[A-Za-z0-9]{22}"));
		assertThat(String.join("", ids).chars().distinct().count()).as("alphabet used").isEqualTo(62);
	}

	@Test
	void issuedRoomCanBeRead() {
		MvcTestResult created = this.mvc.post().uri("/api/rooms").exchange();
		String location = created.getResponse().getHeader("Location");

		assertThat(this.mvc.get().uri(location)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.topic")
			.isEqualTo("chat/rooms/" + location.substring("http://localhost/api/rooms/".length()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "AAAAAAAAAAAAAAAAAAAAAA", "short", "AAAAAAAAAAAAAAAAAAAAA%23", "AAAAAAAAAAAAAAAAAAAAAAA" })
	void unknownOrMalformedRoomIsAProblem404(String id) {
		assertThat(this.mvc.get().uri("/api/rooms/" + id)).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Room not found");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"\"}", "{\"name\": \"   \"}", "{\"name\": \"bell\\u0007\"}",
			"{\"name\": \"line\\nbreak\"}",
			"{\"name\": \"" + "x" + "0123456789012345678901234567890123456789012345678901234567890123" + "\"}" })
	void invalidNameIsAProblem400(String body) {
		assertThat(this.mvc.post().uri("/api/rooms").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("name must be 1-64 characters");
	}

	@Test
	void nameOf64CharactersIsAccepted() {
		String name = "é".repeat(64);
		assertThat(this.mvc.post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\"}")).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.name")
			.isEqualTo(name);
	}

	@Test
	void publicRoomsAreListedAndPrivateOnesAreNot() {
		MvcTestResult open = this.mvc.post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"lobby\", \"visibility\": \"public\"}")
			.exchange();
		MvcTestResult secret = this.mvc.post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"secret\"}")
			.exchange();
		assertThat(open).bodyJson().extractingPath("$.visibility").isEqualTo("public");
		assertThat(secret).bodyJson().extractingPath("$.visibility").isEqualTo("private");

		assertThat(this.mvc.get().uri("/api/rooms")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.contains("lobby")
			.doesNotContain("secret");
	}

	@Test
	void unknownVisibilityIsAProblem400() {
		assertThat(this.mvc.post()
			.uri("/api/rooms")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"visibility\": \"everyone\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("visibility must be");
	}

	@Test
	void aValueOfTheWrongTypeIsAProblem400NamingItsField() {
		assertThat(
				this.mvc.post().uri("/api/rooms").contentType(MediaType.APPLICATION_JSON).content("{\"name\":[\"x\"]}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("name has a value of the wrong type");
	}

	@Test
	void malformedJsonIsAProblem400() {
		assertThat(this.mvc.post().uri("/api/rooms").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.title")
			.isEqualTo("Unreadable request body");
	}

}
