package dev.mqttchat.gateway.web;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every REST error into an RFC 9457 problem whose detail says what to fix. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private final ObjectProvider<ChatProperties> properties;

	ApiExceptionHandler(ObjectProvider<ChatProperties> properties) {
		// Optional: controller slice tests run without the settings.
		this.properties = properties;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getFieldErrors()
			.stream()
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		String detail = String.join("; ",
				errors.stream().map((error) -> error.get("field") + " " + error.get("message")).toList());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The upload is larger than a room takes: " + maxPicture()
						+ " (chat.attachments.max-size, chat.attachments.max-file-size).");
		problem.setTitle("Picture too large");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
	}

	private String maxPicture() {
		ChatProperties settings = this.properties.getIfAvailable();
		return (settings != null) ? settings.attachments().maxSizeText() + " for a picture, "
				+ settings.attachments().maxFileSizeText() + " for a file" : "its limit";
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = fieldOf(ex);
		// The field a value of the wrong type was found in says more than any example.
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, (field != null)
				? "The request body is not of the expected shape: " + field + " has a value of the wrong type."
				: "The request body is not valid JSON of the expected shape, e.g. {\"name\": \"coding_issues\"}.");
		problem.setTitle("Unreadable request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Where in the body Jackson found a value it could not take, e.g. rooms[0].notify.
	 */
	private static @Nullable String fieldOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				StringBuilder path = new StringBuilder();
				for (JacksonException.Reference step : jackson.getPath()) {
					if (step.getPropertyName() != null) {
						path.append(path.isEmpty() ? "" : ".").append(printable(step.getPropertyName()));
					}
					else if (step.getIndex() >= 0) {
						path.append('[').append(step.getIndex()).append(']');
					}
				}
				return path.isEmpty() ? null : path.toString();
			}
		}
		return null;
	}

	private static String printable(String name) {
		// A name from the request: cut short, and without control characters.
		String shown = name.replaceAll("\\p{Cntrl}", "?");
		return (shown.length() > 64) ? shown.substring(0, 64) + "…" : shown;
	}

}
