package dev.mqttchat.gateway.web;

import dev.mqttchat.gateway.ChatProperties;
import dev.mqttchat.gateway.room.Room;
import dev.mqttchat.gateway.room.RoomNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Serves the chat page, at {@code /} and at a room's shareable link {@code /rooms/{id}}.
 */
@Controller
class PageController {

	private final int maxTextLength;

	private final long maxPictureBytes;

	private final String maxPictureText;

	private final long maxFileBytes;

	private final String maxFileText;

	PageController(ChatProperties properties) {
		this.maxTextLength = properties.messages().maxTextLength();
		this.maxPictureBytes = properties.attachments().maxSize().toBytes();
		this.maxPictureText = properties.attachments().maxSizeText();
		// No files at all: the page offers pictures only.
		boolean files = properties.attachments()
			.fileTypes()
			.stream()
			.anyMatch((type) -> !type.isBlank() && !"none".equalsIgnoreCase(type.strip()));
		this.maxFileBytes = files ? properties.attachments().maxFileSize().toBytes() : 0;
		this.maxFileText = properties.attachments().maxFileSizeText();
	}

	@GetMapping("/")
	String start(Model model) {
		model.addAttribute("maxTextLength", this.maxTextLength);
		// The page refuses a larger picture before uploading it.
		model.addAttribute("maxPictureBytes", this.maxPictureBytes);
		model.addAttribute("maxPictureText", this.maxPictureText);
		model.addAttribute("maxFileBytes", this.maxFileBytes);
		model.addAttribute("maxFileText", this.maxFileText);
		return "index";
	}

	@GetMapping("/rooms/{id}")
	String room(Room room, Model model) {
		model.addAttribute("roomId", room.id());
		return start(model);
	}

	@ExceptionHandler(RoomNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String roomNotFound() {
		// A person followed a dead link: the page for people, not the API's problem JSON.
		return "error/404";
	}

}
