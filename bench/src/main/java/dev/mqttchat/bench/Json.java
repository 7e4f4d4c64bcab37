package dev.mqttchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the result files. */
final class Json {

	static final JsonMapper mapper = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Json() {
	}

	static void write(Path file, Object value) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
		Files.writeString(temporary, mapper.writeValueAsString(value));
		Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	static <T> T read(Path file, Class<T> type) throws IOException {
		return mapper.readValue(Files.readString(file), type);
	}

}
