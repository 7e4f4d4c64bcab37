package dev.mqttchat.gateway.mqttaccess;

import java.net.URI;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.Problems;
import dev.mqttchat.gateway.room.Room;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Issues and revokes a room's MQTT credentials under
 * {@code /api/rooms/{id}/mqtt-credentials}.
 */
@RestController
@RequestMapping("/api/rooms/{id}/mqtt-credentials")
@Tag(name = "MQTT credentials")
class MqttCredentialController {

	private static final String BEARER = "Bearer ";

	private final MqttCredentials credentials;

	private final RoomOpening opening;

	private final RoomTopicGrants topics;

	MqttCredentialController(MqttCredentials credentials, RoomOpening opening, RoomTopicGrants topics) {
		this.credentials = credentials;
		this.opening = opening;
		this.topics = topics;
	}

	@PostMapping
	@Operation(summary = "Issue an MQTT credential", description = "A user name and a password, shown this once, "
			+ "that let one MQTT client use this room's topics on the broker until expiresAt.")
	ResponseEntity<CredentialResponse> issue(Room room, @Nullable Principal principal) {
		if (!this.opening.mayOpen(room, principal)) {
			throw (principal == null)
					? Problems.of(HttpStatus.UNAUTHORIZED, "Not signed in", "Sign in to get MQTT access to this room.")
					: Problems.of(HttpStatus.FORBIDDEN, "Not allowed", "You may not open this room.");
		}
		MqttCredentials.Issued issued = this.credentials.issue(room.id(),
				(principal != null) ? principal.getName() : null);
		MqttCredential credential = issued.credential();
		URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
			.path("/{username}")
			.buildAndExpand(credential.username())
			.toUri();
		return ResponseEntity.created(location)
			.body(new CredentialResponse(credential.username(), issued.password(), credential.clientIdPrefix(),
					credential.expiresAt(), this.topics.topicsOf(room.id())));
	}

	@DeleteMapping("/{username}")
	@Operation(summary = "Revoke an MQTT credential", description = "Its next connect is refused. Needs "
			+ "Authorization: Bearer {password}, or in oidc mode the session of the person it was issued to.")
	ResponseEntity<Void> revoke(Room room, @PathVariable String username,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
			@Nullable Principal principal) {
		MqttCredential credential = this.credentials.inRoom(room.id(), username)
			.orElseThrow(() -> Problems.of(HttpStatus.NOT_FOUND, "No such credential",
					"This room has no MQTT credential of that name (revoked, expired or never issued)."));
		boolean owner = credential.owner() != null && principal != null
				&& credential.owner().equals(principal.getName());
		String password = (authorization != null && authorization.startsWith(BEARER))
				? authorization.substring(BEARER.length()).strip() : null;
		if (!owner && password == null) {
			ErrorResponseException missing = Problems.of(HttpStatus.UNAUTHORIZED, "Credential password required",
					"Revoking needs the credential's password: Authorization: Bearer {password}.");
			missing.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			throw missing;
		}
		if (!owner && !this.credentials.isPassword(room.id(), username, password)) {
			throw Problems.of(HttpStatus.FORBIDDEN, "Not yours", "This password is not the credential's.");
		}
		this.credentials.revoke(username);
		return ResponseEntity.noContent().build();
	}

}
