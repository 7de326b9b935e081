package dev.dbparity.snapshots.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.snapshots.diff.InvalidTolerancesException;
import dev.dbparity.snapshots.diff.Tolerances;

class StatisticsTolerancesTests {

	static StatisticsTolerances read(String yaml) {
		return StatisticsTolerances.read(yaml.getBytes(StandardCharsets.UTF_8), "parity/tolerances.yaml");
	}

	@Test
	void readsDefaultsAndOverridesBesideTheSchemaSection() {
		String yaml = """
				schema:
				  ignore:
				    - "**.comment"
				statistics:
				  defaults:
				    nullFraction: 0.02
				    rowCount: 1
				  overrides:
				    orders:
				      childrenPerParent: 0.5
				    orders.status:
				      topValues: 0.3
				""";

		StatisticsTolerances tolerances = read(yaml);

		assertThat(tolerances.bound(Metric.NULL_FRACTION, "public", "x", Optional.of("y"))).isEqualTo(0.02);
		assertThat(tolerances.bound(Metric.ROW_COUNT, "public", "x", Optional.empty())).isEqualTo(1.0);
		assertThat(tolerances.bound(Metric.CHILDREN_PER_PARENT, "public", "orders", Optional.empty())).isEqualTo(0.5);
		assertThat(tolerances.bound(Metric.TOP_VALUES, "public", "orders", Optional.of("status"))).isEqualTo(0.3);
		assertThat(tolerances.bound(Metric.TOP_VALUES, "public", "orders", Optional.of("total"))).isEqualTo(0.1);
		assertThat(Tolerances.read(yaml.getBytes(StandardCharsets.UTF_8), "t").globs()).contains("**.comment");
	}

	@Test
	void noFileNoSectionOrAnEmptySectionGiveTheDefaults(@TempDir Path directory) {
		assertThat(StatisticsTolerances.load(directory.resolve("missing.yaml"))).isEqualTo(StatisticsTolerances.defaults());
		assertThat(read("schema:\n  ignore: []\n")).isEqualTo(StatisticsTolerances.defaults());
		assertThat(read("statistics:\n")).isEqualTo(StatisticsTolerances.defaults());
		assertThat(read("")).isEqualTo(StatisticsTolerances.defaults());
	}

	@Test
	void anUnknownMetricIsNamedWithItsPosition() {
		assertThatThrownBy(() -> read("statistics:\n  overrides:\n    orders.status:\n      topValue: 0.3\n"))
			.isInstanceOf(InvalidTolerancesException.class)
			.hasMessageStartingWith("parity/tolerances.yaml:4:7: unknown metric \"topValue\" in "
					+ "statistics.overrides.orders.status; allowed metrics: nullFraction, distinctRatio, topValues, "
					+ "distribution, childrenPerParent, rowCount, distinct, min, max. Fix: write \"topValues\". For "
					+ "example:");
	}

	@Test
	void aNegativeBoundIsNamedWithItsPosition() {
		assertThatThrownBy(() -> read("statistics:\n  defaults:\n    nullFraction: -0.1\n"))
			.isInstanceOf(InvalidTolerancesException.class)
			.hasMessageStartingWith("parity/tolerances.yaml:3:19: statistics.defaults.nullFraction is -0.1, but a "
					+ "bound must be a number >= 0");
	}

	@Test
	void aBoundThatIsNotANumberIsNamedWithItsPosition() {
		assertThatThrownBy(() -> read("statistics:\n  defaults:\n    nullFraction: lots\n"))
			.isInstanceOf(InvalidTolerancesException.class)
			.hasMessageStartingWith("parity/tolerances.yaml:3:19: statistics.defaults.nullFraction must be a number "
					+ ">= 0, but was \"lots\"");
	}

	@Test
	void anUnknownKeyIsNamedWithItsPosition() {
		assertThatThrownBy(() -> read("statistics:\n  default:\n    nullFraction: 0.1\n"))
			.isInstanceOf(InvalidTolerancesException.class)
			.hasMessageStartingWith("parity/tolerances.yaml:2:3: unknown key \"default\" under statistics:; allowed "
					+ "keys: defaults, overrides.");
	}

	@Test
	void invalidYamlIsNamedWithItsPosition() {
		assertThatThrownBy(() -> read("statistics:\n  defaults: [\n"))
			.isInstanceOf(InvalidTolerancesException.class)
			.hasMessageStartingWith("parity/tolerances.yaml:");
	}
}
