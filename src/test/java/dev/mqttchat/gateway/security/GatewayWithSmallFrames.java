package dev.mqttchat.gateway.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The gateway the flooding tests share: short CONNECT deadline, 16 KB frames, and room
 * for only a few unfinished ones at once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "chat.web.connect-timeout=1s",
		"chat.web.max-frame-size=16KB", "chat.web.max-partial-frames-memory=40KB" })
@interface GatewayWithSmallFrames {

}
