package dev.mqttchat.gateway.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one gateway (embedded broker, short CONNECT deadline, files of two types only) that
 * the threat tests share.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "chat.rooms.create-per-minute=100000", "chat.web.connect-timeout=1s",
				"chat.attachments.file-types=pdf,text/plain", "chat.attachments.uploads-per-minute=100000" })
@interface GatewayUnderAttack {

}
