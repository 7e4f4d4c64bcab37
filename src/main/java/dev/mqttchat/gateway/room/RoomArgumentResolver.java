package dev.mqttchat.gateway.room;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Resolves a handler's {@link Room} parameter from the path's {@code {id}}, or answers
 * {@link RoomNotFoundException}. The id must be spelled out literally in the request
 * path: a percent-encoded id names no room, so that only one spelling of a room's key
 * exists (and no proxy or log sees two). A members room resolves only for its members
 * ({@link RoomAccess}), so every controller that takes a {@link Room} holds that rule.
 */
class RoomArgumentResolver implements HandlerMethodArgumentResolver {

	private static final String ID = "id";

	private final RoomRegistry rooms;

	private final ObjectProvider<RoomAccess> access;

	RoomArgumentResolver(RoomRegistry rooms, ObjectProvider<RoomAccess> access) {
		this.rooms = rooms;
		this.access = access;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Room.class;
	}

	@Override
	public Room resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer container,
			NativeWebRequest request, @Nullable WebDataBinderFactory binders) {
		HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
				NativeWebRequest.SCOPE_REQUEST);
		Object id = (variables instanceof Map<?, ?> map) ? map.get(ID) : null;
		if (http == null || !(id instanceof String roomId) || !isLiteralSegment(http.getRequestURI(), roomId)) {
			throw new RoomNotFoundException();
		}
		Room room = this.rooms.find(roomId).orElseThrow(RoomNotFoundException::new);
		// A members room is not there for anyone else: the same 404 as no room at all.
		// (RoomAccess is in every gateway; only a web slice test of link rooms lacks it.)
		Principal user = http.getUserPrincipal();
		RoomAccess rule = this.access.getIfAvailable();
		if (rule != null && !rule.mayOpen(room, (user != null) ? user.getName() : null)) {
			throw new RoomNotFoundException();
		}
		return room;
	}

	private static boolean isLiteralSegment(String rawPath, String id) {
		return (rawPath + "/").contains("/" + id + "/");
	}

}
