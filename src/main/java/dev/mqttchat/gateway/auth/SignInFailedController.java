package dev.mqttchat.gateway.auth;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The page a refused sign-in lands on: why, in words, and a way back. */
@Controller
class SignInFailedController {

	static final String PATH = "/signin-failed";

	@GetMapping(PATH)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String failed(@Nullable HttpSession session, Model model) {
		Object failure = (session != null) ? session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) : null;
		model.addAttribute("reason", (failure instanceof AuthenticationException ex && ex.getMessage() != null)
				? ex.getMessage() : "The identity provider did not sign you in.");
		return "signin-failed";
	}

}
