package dev.mqttchat.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure the code promises: MQTT only in the bridge, no package cycles, small
 * files.
 */
class ArchitectureTests {

	private static final String ROOT = "dev.mqttchat.gateway";

	// Imported once for the class: JUnit makes an instance per test.
	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void onlyTheBridgeKnowsMqtt() {
		noClasses().that()
			.resideOutsideOfPackage(ROOT + ".bridge..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.eclipse.paho..", "org.springframework.integration.mqtt..", "io.moquette..")
			.because("a move to another MQTT client must touch the bridge package alone")
			.check(classes);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void noMainSourceFileIsOver200Lines() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			List<String> long200 = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> lines(file) > 200)
				.map((file) -> file + " (" + lines(file) + " lines)")
				.toList();
			assertThat(long200).as("main source files over 200 lines").isEmpty();
		}
	}

	private static long lines(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
