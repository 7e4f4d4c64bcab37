package dev.mqttchat.gateway.web;

import java.net.URI;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mqttchat.gateway.ChatProperties;
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
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The page at a room's link, and the page for people when the link leads nowhere. */
@WebMvcTest(PageController.class)
@Import({ RoomRegistry.class, JdbcNamingConfig.class, SimpleMeterRegistry.class })
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
		DataJdbcRepositoriesAutoConfiguration.class })
@EnableConfigurationProperties(ChatProperties.class)
class PageControllerTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	RoomRegistry rooms;

	@Test
	void aRoomsLinkOpensThePageInThatRoom() {
		String room = this.rooms.create(null, Visibility.PRIVATE).room().id();

		assertThat(this.mvc.get().uri("/rooms/" + room).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("data-room-id=\"" + room + "\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "AAAAAAAAAAAAAAAAAAAAAA", "short", "%41AAAAAAAAAAAAAAAAAAAAA" })
	void aDeadLinkShowsThePageForPeople(String id) {
		assertThat(this.mvc.get().uri(URI.create("/rooms/" + id)).accept(MediaType.TEXT_HTML))
			.hasStatus(HttpStatus.NOT_FOUND)
			.hasContentTypeCompatibleWith(MediaType.TEXT_HTML)
			.bodyText()
			.contains("There is no room at this link");
	}

}
