package dev.mqttchat.gateway.attachment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The RFC 9457 problems of uploads and downloads, each with a title and a reason. */
final class AttachmentProblems {

	private AttachmentProblems() {
	}

	static ErrorResponseException of(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
