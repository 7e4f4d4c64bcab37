package dev.mqttchat.gateway.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.mqttchat.gateway.ChatProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a request whose body is over {@code chat.web.max-request-body} with a 413
 * problem before any of it is read: JSON and form bodies were read whole into memory, so
 * a few large ones could take the heap. Uploads (multipart) have their own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final JsonMapper json;

	/** As {@code chat.web.max-request-body} says by default. */
	static final DataSize DEFAULT_LIMIT = DataSize.ofKilobytes(256);

	RequestBodyLimitFilter(ObjectProvider<ChatProperties> properties, JsonMapper json) {
		// Controller slice tests run without the settings.
		ChatProperties settings = properties.getIfAvailable();
		this.limit = ((settings != null) ? settings.web().maxRequestBody() : DEFAULT_LIMIT).toBytes();
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		long declared = request.getContentLengthLong();
		if (declared > this.limit) {
			refuse(request, response);
			return;
		}
		if (declared >= 0 || !hasBody(request) || isForm(type)) {
			// Tomcat hands the handler no more than the declared length, and parses a
			// form itself (up to its own max-http-form-post-size).
			chain.doFilter(request, response);
			return;
		}
		// Chunked: taken up to the limit, and refused past it.
		byte[] body = request.getInputStream().readNBytes((int) this.limit + 1);
		if (body.length > this.limit) {
			refuse(request, response);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private static boolean isForm(@Nullable String type) {
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	private static boolean hasBody(HttpServletRequest request) {
		// Chunked over HTTP/1.1; over HTTP/2 a body needs no header at all.
		return request.getHeader("Transfer-Encoding") != null || switch (request.getMethod()) {
			case "POST", "PUT", "PATCH", "DELETE" -> true;
			default -> false;
		};
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "Request body too large");
		problem.put("status", HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		problem.put("detail", "The request body is larger than the " + this.limit
				+ " bytes an API takes (chat.web.max-request-body).");
		problem.put("instance", request.getRequestURI());
		response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

	/** The request with its body already read. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("read synchronously");
				}

			};
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
