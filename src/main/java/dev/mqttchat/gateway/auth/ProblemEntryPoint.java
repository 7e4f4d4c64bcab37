package dev.mqttchat.gateway.auth;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a request that needs a signed-in person and has none (or a bearer token that
 * does not pass) with a 401 problem, as every other REST error is answered.
 */
final class ProblemEntryPoint implements AuthenticationEntryPoint {

	private final JsonMapper json;

	ProblemEntryPoint(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		boolean bearer = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				bearer ? "The bearer token is not accepted: " + failure.getMessage()
						: "Sign in first (GET /oauth2/authorization/oidc), or send an access token of this "
								+ "gateway's identity provider as Authorization: Bearer.");
		problem.setTitle("Sign-in required");
		problem.setProperty("authMode", "oidc");
		problem.setProperty("signIn",
				request.getContextPath() + "/oauth2/authorization/" + OidcProviderConfig.REGISTRATION);
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, bearer ? "Bearer error=\"invalid_token\"" : "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}
