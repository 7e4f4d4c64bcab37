package dev.mqttchat.gateway.room;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets every controller take the room its path names as a {@link Room} parameter. */
@Configuration(proxyBeanMethods = false)
class RoomWebConfig implements WebMvcConfigurer {

	private final RoomRegistry rooms;

	private final ObjectProvider<RoomAccess> access;

	RoomWebConfig(RoomRegistry rooms, ObjectProvider<RoomAccess> access) {
		this.rooms = rooms;
		this.access = access;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new RoomArgumentResolver(this.rooms, this.access));
	}

}
