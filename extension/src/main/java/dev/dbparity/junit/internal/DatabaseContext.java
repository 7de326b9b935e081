package dev.dbparity.junit.internal;

import java.util.Objects;
import java.util.Optional;

import dev.dbparity.junit.migration.MigrationRunner;
import dev.dbparity.junit.migration.MigrationSet;

/**
 * {@code DatabaseContext} is what every database of one template shares: its migrations and the runner that applies
 * them.
 *
 * <p>Internal: may change in any minor release.
 */
public record DatabaseContext(Optional<MigrationSet> migrations, MigrationRunner runner) {

	public DatabaseContext {
		Objects.requireNonNull(migrations, "migrations");
		Objects.requireNonNull(runner, "runner");
	}
}
