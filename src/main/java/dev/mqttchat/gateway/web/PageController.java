package dev.mqttchat.gateway.web;

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

	PageController(RoomRegistry rooms) {
		this.rooms = rooms;
	}

	@GetMapping("/")
	String start() {
		return "index";
	}

	@GetMapping("/rooms/{id}")
	String room(@PathVariable String id, Model model) {
		if (this.rooms.find(id).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No room has this id");
		}
		model.addAttribute("roomId", id);
		return "index";
	}

}
