package dev.mqttchat.gateway.auth;

import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;

/**
 * {@code oidc} mode: the page and its assets are public, every {@code /api} call needs a
 * signed-in session (or a bearer token of the same provider), except, where guests are
 * allowed, opening link rooms; writes through the session carry the cookie CSRF token;
 * signing out ends that browser's WebSockets.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.auth.mode", havingValue = "oidc")
class OidcSecurityConfig {

	@Bean
	SecurityFilterChain oidcFilterChain(HttpSecurity http, ChatProperties properties, SignedInNames names,
			JsonMapper json, SignedInSockets sockets) {
		ProblemEntryPoint problem = new ProblemEntryPoint(json);
		boolean guests = properties.auth().guests();
		http.authorizeHttpRequests((requests) -> {
			requests.requestMatchers("/api/me").permitAll();
			if (guests) {
				// Guests open link rooms; the rooms themselves refuse them members rooms.
				requests.requestMatchers(HttpMethod.POST, "/api/rooms").authenticated();
				requests.requestMatchers("/api/rooms/*", "/api/rooms/*/**").permitAll();
			}
			requests.requestMatchers("/api/**").authenticated();
			// The page, its assets, /ws (checked at STOMP CONNECT), health and the API
			// description.
			requests.anyRequest().permitAll();
		});
		http.oauth2Login(
				(login) -> login.userInfoEndpoint((user) -> user.oidcUserService(new SignedInUserService(names)))
					.failureHandler(new SimpleUrlAuthenticationFailureHandler(SignInFailedController.PATH)));
		http.oauth2ResourceServer((server) -> server.authenticationEntryPoint(problem)
			.bearerTokenResolver(new JwtShapedBearerTokenResolver())
			.jwt((jwt) -> jwt.jwtAuthenticationConverter(new BearerNameConverter(names))));
		http.exceptionHandling((errors) -> errors.authenticationEntryPoint(problem));
		// A webhook's URL is its credential, posted to by jobs with no session to forge.
		http.csrf((csrf) -> csrf.spa().ignoringRequestMatchers("/hooks/*"));
		// The project's own SecurityHeadersFilter sets the response headers, in both
		// modes.
		http.headers((headers) -> headers.disable());
		http.logout((logout) -> logout.addLogoutHandler(sockets)
			.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)));
		return http.build();
	}

}
