package dev.dbparity.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationVersionTests {

	@ParameterizedTest
	@CsvSource({ "1, 1", "1.2, 1.2", "2.10.1, 2.10.1", "1_2, 1.2", "1.0, 1", "1.0.0, 1", "007, 7", "0, 0",
			"20240101120000, 20240101120000", "1_2.3, 1.2.3" })
	void parsesToDottedForm(String text, String dotted) {
		assertThat(MigrationVersion.parse(text)).hasToString(dotted);
	}

	@ParameterizedTest
	@CsvSource({ "1, 1.0", "1.2, 1_2", "1, 1.0.0", "0, 0.0" })
	void equalVersions(String left, String right) {
		assertThat(MigrationVersion.parse(left)).isEqualTo(MigrationVersion.parse(right))
			.hasSameHashCodeAs(MigrationVersion.parse(right))
			.isEqualByComparingTo(MigrationVersion.parse(right));
	}

	@ParameterizedTest
	@CsvSource({ "1.9, 1.10", "1, 1.0.1", "1.2, 2", "9, 10", "2.10.1, 2.10.2", "0, 0.1" })
	void ordersNumericallyPartByPart(String lower, String higher) {
		assertThat(MigrationVersion.parse(lower)).isLessThan(MigrationVersion.parse(higher));
		assertThat(MigrationVersion.parse(higher)).isGreaterThan(MigrationVersion.parse(lower));
	}

	@Test
	void sortsAList() {
		List<String> sorted = Stream.of("10", "1.10", "1.9", "2", "1")
			.map(MigrationVersion::parse)
			.sorted()
			.map(MigrationVersion::toString)
			.toList();
		assertThat(sorted).containsExactly("1", "1.9", "1.10", "2", "10");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1.", ".1", "1..2", "a", "1.x", "1-2", "v1", " 1", "1__2", "-1" })
	void rejectsInvalidVersions(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationVersion.parse(text))
			.withMessage("Invalid migration version '" + text
					+ "': a version is numbers separated by '.' or '_', e.g. 1, 1.2 or 2_10_1");
	}

	@Test
	void zeroIsBelowEveryOtherVersion() {
		assertThat(MigrationVersion.ZERO).isLessThan(MigrationVersion.parse("0.0.1")).hasToString("0");
	}

	@Test
	void zeroIsBelowVersionZeroOfDieselsInitialSetup() {
		MigrationVersion initialSetup = MigrationVersion.parse("0");

		assertThat(MigrationVersion.ZERO).isLessThan(initialSetup).isNotEqualTo(initialSetup);
		assertThat(initialSetup).isGreaterThan(MigrationVersion.ZERO).isLessThan(MigrationVersion.parse("1"));
		assertThat(MigrationVersion.ZERO).isEqualByComparingTo(new MigrationVersion(List.of()));
	}

	@Test
	void nextIncrementsTheLastPart() {
		assertThat(MigrationVersion.parse("1.2").next()).hasToString("1.3");
		assertThat(MigrationVersion.parse("9").next()).hasToString("10");
	}
}
