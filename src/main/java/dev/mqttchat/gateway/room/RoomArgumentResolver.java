package dev.mqttchat.gateway.room;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

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
 * exists (and no proxy or log sees two).
 */
class RoomArgumentResolver implements HandlerMethodArgumentResolver {

	private static final String ID = "id";

	private final RoomRegistry rooms;

	RoomArgumentResolver(RoomRegistry rooms) {
		this.rooms = rooms;
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
		return this.rooms.find(roomId).orElseThrow(RoomNotFoundException::new);
	}

	private static boolean isLiteralSegment(String rawPath, String id) {
		return (rawPath + "/").contains("/" + id + "/");
	}

}
