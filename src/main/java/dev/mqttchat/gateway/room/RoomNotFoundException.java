package dev.mqttchat.gateway.room;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No issued room has the id a request names: {@code 404} with the one problem every room
 * path answers.
 */
public class RoomNotFoundException extends ErrorResponseException {

	public RoomNotFoundException() {
		super(HttpStatus.NOT_FOUND, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No room has this id. Room ids are issued by POST /api/rooms.");
		problem.setTitle("Room not found");
		return problem;
	}

}
