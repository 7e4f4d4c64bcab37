package dev.mqttchat.gateway.history;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** The message store and what it is made of, for slice tests that store messages. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EnableConfigurationProperties(ChatProperties.class)
@Import({ MessageStore.class, SequencedInserter.class, StoreLease.class, MessageRows.class, ReactionReader.class,
		EditReader.class, ActionApplier.class, RefusedActions.class, AttachmentClaims.class, EntryGate.class,
		ThreadLinks.class, ThreadReader.class })
public @interface StoreComponents {

}
