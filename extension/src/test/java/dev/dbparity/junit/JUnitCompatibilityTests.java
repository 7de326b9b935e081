package dev.dbparity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * A class with one engine must run on JUnit 5.12 (Spring Boot 3.5's), where JUnit cannot load a class implementing a
 * type of 5.13: what {@code @ParityDatabase} registers may implement 5.12's types only (the newest of them,
 * {@code TestInstancePreConstructCallback}, is of 5.9). The build proves it by running
 * the samples' single-engine classes on JUnit 5.12 ({@code -Pjunit512} in {@code .ci/run}); this test fails fast.
 */
class JUnitCompatibilityTests {

	@Test
	void oneEngineRegistersOnlyAnExtensionOfJUnit512Types() {
		assertThat(ParityDatabase.class.getAnnotation(ExtendWith.class).value())
			.containsExactly(ParityDatabaseExtension.class);
		assertThat(ParityDatabaseExtension.class.getInterfaces()).containsExactlyInAnyOrder(BeforeAllCallback.class,
				BeforeEachCallback.class, ParameterResolver.class, TestInstancePreConstructCallback.class);
	}

	@Test
	void severalEnginesRegisterTheClassTemplate() {
		assertThat(ParityDatabases.class.getAnnotation(ExtendWith.class).value())
			.containsExactly(ParityDatabaseExtension.class, ParityEngineTemplates.class);
	}
}
