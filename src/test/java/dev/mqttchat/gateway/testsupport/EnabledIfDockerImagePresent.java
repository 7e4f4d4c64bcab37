package dev.mqttchat.gateway.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a container test only where a Docker engine already holds its image:
 * Testcontainers would otherwise try to pull it (and its own helper image) from a
 * registry, which never answers on a machine without one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerImageCondition.class)
public @interface EnabledIfDockerImagePresent {

	/** The image the test starts, e.g. {@code postgres:17-alpine}. */
	String value();

}
