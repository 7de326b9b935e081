package dev.dbparity.junit.internal;

import java.util.Objects;
import java.util.Optional;

import dev.dbparity.junit.migration.MigrationRunner;
import dev.dbparity.junit.migration.MigrationSet;

/**
 * {@code DatabaseContext} is what every database of one template shares: its migrations, the runner that applies
 * them, and how it compares with its baseline.
 *
 * <p>Internal: may change in any minor release.
 */
public record DatabaseContext(Optional<MigrationSet> migrations, MigrationRunner runner, BaselineSettings baseline) {

	public DatabaseContext {
		Objects.requireNonNull(migrations, "migrations");
		Objects.requireNonNull(runner, "runner");
		Objects.requireNonNull(baseline, "baseline");
	}
}
