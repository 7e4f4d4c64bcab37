package dev.mqttchat.gateway.auth;

import java.util.List;

import dev.mqttchat.gateway.AuthSettings;
import dev.mqttchat.gateway.ChatProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The OpenID Connect provider in {@code oidc} mode, read from its discovery document at
 * start-up: the client the page signs in with, and the decoder that accepts API clients'
 * access tokens only from that issuer and for this gateway's audience.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.auth.mode", havingValue = "oidc")
class OidcProviderConfig {

	/**
	 * The registration id: the redirect URI is {@code {gateway}/login/oauth2/code/oidc}.
	 */
	static final String REGISTRATION = "oidc";

	@Bean
	SignedInNames signedInNames(ChatProperties properties) {
		return new SignedInNames(properties.auth().oidc().usernameClaim());
	}

	@Bean
	ClientRegistrationRepository clientRegistrationRepository(ChatProperties properties) {
		AuthSettings.Oidc oidc = properties.auth().oidc();
		ClientRegistration registration = ClientRegistrations
			.fromIssuerLocation(required(oidc.issuerUri(), "ISSUERURI"))
			.registrationId(REGISTRATION)
			.clientId(required(oidc.clientId(), "CLIENTID"))
			.clientSecret(required(oidc.clientSecret(), "CLIENTSECRET"))
			.scope("openid", "profile", "email")
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	JwtDecoder jwtDecoder(ChatProperties properties) {
		AuthSettings.Oidc oidc = properties.auth().oidc();
		String issuer = required(oidc.issuerUri(), "ISSUERURI");
		String audience = required(oidc.audienceOrClientId(), "CLIENTID");
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(aud) -> aud != null && aud.contains(audience))));
		return decoder;
	}

	private static String required(@org.jspecify.annotations.Nullable String value, String setting) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("CHAT_AUTH_MODE=oidc needs CHAT_AUTH_OIDC_" + setting);
		}
		return value;
	}

}
