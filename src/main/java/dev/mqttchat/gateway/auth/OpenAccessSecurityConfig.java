package dev.mqttchat.gateway.auth;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Open mode: Spring Security is on the class path for {@code oidc} mode, and here it does
 * nothing at all, so every request behaves exactly as it did before sign-in existed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "chat.auth.mode", havingValue = "open", matchIfMissing = true)
class OpenAccessSecurityConfig {

	@Bean
	SecurityFilterChain openAccessFilterChain() {
		// A chain without filters: Boot's default (everything behind a login) backs off.
		return new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE, List.of());
	}

}
