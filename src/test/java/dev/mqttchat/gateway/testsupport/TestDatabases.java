package dev.mqttchat.gateway.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The databases a storage test runs against: an H2 file always, and the PostgreSQL that
 * {@code CHAT_TEST_POSTGRES_URL} names (CI: the machine's), each time in a fresh schema
 * of its own.
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/**
	 * Command-line arguments ({@code --key=value}, which outrank every properties file)
	 * for each database.
	 */
	public static List<String[]> all(Path h2Directory) {
		List<String[]> databases = new ArrayList<>();
		databases.add(h2(h2Directory));
		String postgres = System.getenv("CHAT_TEST_POSTGRES_URL");
		if (postgres != null && !postgres.isBlank()) {
			databases.add(postgres(postgres));
		}
		return databases;
	}

	/** An H2 database in a file under {@code directory}. */
	public static String[] h2(Path directory) {
		return new String[] { "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("chat").toAbsolutePath() };
	}

	/** A fresh schema in the PostgreSQL database at {@code url}. */
	public static String[] postgres(String url) {
		String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		String separator = url.contains("?") ? "&" : "?";
		return new String[] { "--spring.datasource.url=" + url + separator + "currentSchema=" + schema,
				"--spring.flyway.schemas=" + schema };
	}

}
