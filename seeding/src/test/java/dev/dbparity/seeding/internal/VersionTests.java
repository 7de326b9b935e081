package dev.dbparity.seeding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Versions compare as the extension's migration versions do. */
class VersionTests {

	static Version version(String text) {
		return Version.parse(text).orElseThrow();
	}

	@Test
	@DisplayName("parts compare as numbers, so 1.10 comes after 1.9 and a timestamp after 5")
	void numericParts() {
		assertThat(version("1.10")).isGreaterThan(version("1.9"));
		assertThat(version("2")).isGreaterThan(version("1.99"));
		assertThat(version("20230101120000")).isGreaterThan(version("5"));
		assertThat(version("007")).isEqualByComparingTo(version("7"));
	}

	@Test
	@DisplayName("trailing zero parts are insignificant and _ separates parts as . does")
	void normalised() {
		assertThat(version("1.0")).isEqualTo(version("1")).isEqualTo(version("1_0")).hasToString("1");
		assertThat(version("1_2")).isEqualTo(version("1.2"));
		assertThat(version("2.10.1")).hasToString("2.10.1");
	}

	@Test
	@DisplayName("anything but numbers separated by . or _ is no version")
	void invalid() {
		for (String text : new String[] { "", "v1", "1..2", "1.", "-1", "1.2a", " 1" }) {
			assertThat(Version.parse(text)).as(text).isEmpty();
		}
	}
}
