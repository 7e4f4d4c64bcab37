package dev.mqttchat.gateway;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 problems as the exception a handler throws: a status, a short title and what
 * went wrong, answered by Spring MVC as {@code application/problem+json}.
 */
public final class Problems {

	private Problems() {
	}

	/** The problem with this status, title and detail. */
	public static ErrorResponseException of(HttpStatus status, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
