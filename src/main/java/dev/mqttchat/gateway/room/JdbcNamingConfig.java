package dev.mqttchat.gateway.room;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Lets Spring Data JDBC write identifiers unquoted, as the Flyway migrations do, so that
 * H2 (upper case) and PostgreSQL (lower case) each fold them their own way and the same
 * schema serves both.
 */
@Configuration(proxyBeanMethods = false)
public class JdbcNamingConfig {

	@Bean
	static BeanPostProcessor unquotedJdbcIdentifiers() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof RelationalMappingContext context) {
					context.setForceQuote(false);
				}
				return bean;
			}

		};
	}

}
