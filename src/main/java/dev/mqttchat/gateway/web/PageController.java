package dev.mqttchat.gateway.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.room.RoomRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Serves the chat page, at {@code /} and at a room's shareable link {@code /rooms/{id}}. */
@Controller
class PageController {

	private final RoomRegistry rooms;

	private final int maxTextLength;

	PageController(RoomRegistry rooms, ChatProperties properties) {
		this.rooms = rooms;
		this.maxTextLength = properties.messages().maxTextLength();
	}

	@GetMapping("/")
	String start(Model model) {
		model.addAttribute("maxTextLength", this.maxTextLength);
		return "index";
	}

	@GetMapping("/rooms/{id}")
	String room(@PathVariable String id, Model model, HttpServletRequest request) {
		if (this.rooms.findLiteral(id, request.getRequestURI()).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No room has this id");
		}
		model.addAttribute("roomId", id);
		return start(model);
	}

}
