package dev.mqttchat.gateway.web;

import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import dev.mqttchat.gateway.room.Room;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API's OpenAPI 3 description at {@code /v3/api-docs}: the room path parameter,
 * and every RFC 9457 problem an endpoint can answer, added in one place rather than on
 * each handler.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

	private static final String PROBLEM = "application/problem+json";

	static {
		// A Room parameter is resolved from the path's {id}; it is no request body or
		// query object.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Room.class);
	}

	@Bean
	OpenApiCustomizer chatApiDocs(ObjectProvider<BuildProperties> build) {
		return (api) -> {
			api.info(new Info().title("mqtt-chat-gateway REST API")
				.version(build.stream().map(BuildProperties::getVersion).findFirst().orElse("unknown"))
				.description("Rooms and their history. Chatting itself is STOMP over WebSocket at /ws and MQTT; "
						+ "see docs/api.md and docs/protocol.md.")
				.license(new License().name("Apache-2.0")));
			api.getComponents().addSchemas("Problem", problemSchema());
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				if (path.contains("{id}")) {
					operation.addParametersItem(new PathParameter().name("id")
						.description("The room id issued by POST /api/rooms: 22 characters of [A-Za-z0-9]")
						.schema(new StringSchema().pattern("[A-Za-z0-9]+")));
					operation.getResponses().addApiResponse("404", problem("No room has this id"));
				}
				if (method == PathItem.HttpMethod.POST || (operation.getParameters() != null
						&& operation.getParameters().stream().anyMatch((p) -> "query".equals(p.getIn())))) {
					operation.getResponses().addApiResponse("400", problem("Invalid request: the detail says what"));
				}
				if (method == PathItem.HttpMethod.POST && path.equals("/api/rooms")) {
					// The handler answers 201 with the new room's Location, which
					// springdoc cannot see.
					ApiResponse created = operation.getResponses().remove("200");
					operation.getResponses()
						.addApiResponse("201",
								created.description("Issued; Location names the new room")
									.addHeaderObject("Location", new Header().description("The room's absolute URL")
										.schema(new StringSchema().format("uri"))));
					operation.getResponses()
						.addApiResponse("429",
								problem("Too many rooms from this address").addHeaderObject("Retry-After",
										new Header().description("Seconds until a room may be created")
											.schema(new IntegerSchema())));
				}
				if (method == PathItem.HttpMethod.DELETE) {
					operation.getResponses().remove("200");
					operation.getResponses().addApiResponse("204", new ApiResponse().description("Deleted"));
					operation.getResponses().addApiResponse("401", problem("No owner token (Authorization: Bearer)"));
					operation.getResponses().addApiResponse("403", problem("The token does not own the room"));
				}
			}));
		};
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM,
					new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
	}

	private static Schema<?> problemSchema() {
		return new Schema<>().type("object")
			.description("RFC 9457 problem details")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema());
	}

}
