package dev.dbparity.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Rule codes are a published interface: headers allow them and CI filters on them, so renumbering a kind, or giving
 * a code a new meaning, must fail here, and README's table must list exactly the codes the lint gives.
 */
class LintRuleCodesTests {

	@Test
	void everyKindKeepsItsCode() {
		Map<String, String> codes = new LinkedHashMap<>();
		Arrays.stream(LintFinding.Kind.values()).forEach(kind -> codes.put(kind.name(), kind.code()));

		assertThat(codes).containsExactly(
				entry("LOCK", "DP101"),
				entry("TABLE_REWRITE", "DP102"),
				entry("INDEX_NOT_CONCURRENT", "DP103"),
				entry("OUTSIDE_TRANSACTION", "DP104"),
				entry("LOCK_TIMEOUT", "DP105"),
				entry("STATEMENT_TIMEOUT", "DP106"),
				entry("IMPLICIT_COMMIT", "DP201"),
				entry("NOT_INSTANT", "DP202"),
				entry("NOT_ONLINE", "DP203"),
				entry("STATEMENT_FAILED", "DP301"),
				entry("COMPAT_BROKEN", "DP302"),
				entry("FROZEN_TIME", "DP303"),
				entry("LOCK_HOLD", "DP304"),
				entry("PLAN_REGRESSION", "DP305"),
				entry("PLAN_UNAVAILABLE", "DP306"),
				entry("NOT_RETRY_SAFE", "DP307"));
	}

	@Test
	void codesAreFoundInAnyCaseAndNothingElseIsACode() {
		assertThat(LintFinding.Kind.byCode("dp302")).hasValue(LintFinding.Kind.COMPAT_BROKEN);
		assertThat(LintFinding.Kind.byCode("DP999")).isEmpty();
		assertThat(LintFinding.Kind.byCode("COMPAT_BROKEN")).isEmpty();
	}

	@Test
	void theReadmeListsEveryCodeWithItsKind() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		Matcher row = Pattern.compile("(?m)^\\| `(DP\\d{3})` \\| `([A-Z_]+)`").matcher(readme);
		Map<String, String> documented = new LinkedHashMap<>();
		while (row.find()) {
			documented.put(row.group(1), row.group(2));
		}
		Map<String, String> actual = new LinkedHashMap<>();
		Arrays.stream(LintFinding.Kind.values()).forEach(kind -> actual.put(kind.code(), kind.name()));

		assertThat(documented).isEqualTo(actual);
	}
}
