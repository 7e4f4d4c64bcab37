package dev.mqttchat.gateway.auth;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the page (and API clients) who is signed in and how this gateway names people.
 */
@RestController
@Tag(name = "Sign-in")
class MeController {

	private final ChatProperties properties;

	MeController(ChatProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/api/me")
	@Operation(summary = "Who is signed in", description = "The signed-in person's name and the gateway's auth "
			+ "mode; 401 (with authMode, guests and signIn) when nobody is signed in, which in open mode is always.")
	Me me(@Nullable Principal principal) {
		String mode = this.properties.auth().mode().name().toLowerCase(java.util.Locale.ROOT);
		if (principal == null || !this.properties.auth().signIn()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					this.properties.auth().signIn() ? "Nobody is signed in."
							: "This gateway has no sign-in: " + "people chat under the name they type.");
			problem.setTitle("Not signed in");
			problem.setProperty("authMode", mode);
			problem.setProperty("guests", this.properties.auth().signIn() && this.properties.auth().guests());
			if (this.properties.auth().signIn()) {
				problem.setProperty("signIn", "/oauth2/authorization/" + OidcProviderConfig.REGISTRATION);
			}
			throw new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
		}
		return new Me(principal.getName(), mode);
	}

	/**
	 * The signed-in person.
	 *
	 * @param username the name they chat under, from the identity provider
	 * @param authMode {@code oidc}
	 */
	record Me(String username, String authMode) {
	}

}
