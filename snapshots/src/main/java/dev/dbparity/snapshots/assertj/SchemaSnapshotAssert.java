package dev.dbparity.snapshots.assertj;

import static dev.dbparity.snapshots.error.ShouldMatchBaseline.shouldMatchBaseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.AbstractAssert;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.baseline.Baseline;
import dev.dbparity.snapshots.diff.IgnoreRules;
import dev.dbparity.snapshots.diff.SchemaDiff;
import dev.dbparity.snapshots.diff.SchemaDiffResult;
import dev.dbparity.snapshots.diff.report.TextReport;

/**
 * {@code SchemaSnapshotAssert} checks a schema snapshot against a baseline or another snapshot.
 *
 * <pre>{@code
 * ParityAssertions.assertThat(snapshot).ignoring("public.audit_*", "**.comment").matches(baseline);
 * }</pre>
 *
 * <p>Ignore rules come before {@link #matches}: AssertJ checks eagerly, so a rule given after a failed check could not
 * take the failure back. Owners are always ignored ({@link IgnoreRules#defaults()}). Not final, so that soft
 * assertions can proxy it.
 *
 * @since 0.1
 */
public class SchemaSnapshotAssert extends AbstractAssert<SchemaSnapshotAssert, SchemaSnapshot> {

	private final List<String> ignoreGlobs = new ArrayList<>();

	public SchemaSnapshotAssert(SchemaSnapshot actual) {
		super(actual, SchemaSnapshotAssert.class);
	}

	/** Ignores differences whose path matches one of {@code globs} in the checks that follow. */
	public SchemaSnapshotAssert ignoring(String... globs) {
		ignoreGlobs.addAll(List.of(globs));
		return myself;
	}

	/** Verifies that the schema equals the baseline's, but for ignored paths. */
	public SchemaSnapshotAssert matches(Baseline baseline) {
		isNotNull();
		return matches(baseline.schema(), baseline.directory().toString(),
				Optional.of(baseline.directory().resolve(Baseline.SCHEMA_ACTUAL).toString()));
	}

	/** Verifies that the schema equals {@code expected}, but for ignored paths. */
	public SchemaSnapshotAssert matches(SchemaSnapshot expected) {
		isNotNull();
		return matches(expected, "expected schema", Optional.empty());
	}

	private SchemaSnapshotAssert matches(SchemaSnapshot expected, String expectedLabel, Optional<String> reportPath) {
		SchemaDiffResult result = SchemaDiff.compare(expected, actual,
				IgnoreRules.defaults().withGlobs(ignoreGlobs.toArray(String[]::new)));
		if (!result.isEmpty()) {
			throwAssertionError(shouldMatchBaseline(TextReport.failure(result, expectedLabel, "actual schema",
					reportPath)));
		}
		return myself;
	}
}
