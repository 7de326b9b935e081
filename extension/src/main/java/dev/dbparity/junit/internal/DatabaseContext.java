package dev.dbparity.junit.internal;

import java.util.Objects;
import java.util.Optional;

import dev.dbparity.junit.migration.MigrationRunner;
import dev.dbparity.junit.migration.MigrationSet;

/**
 * {@code DatabaseContext} is what every database of one template shares: its migrations, the runner that applies
 * them, and the seed data loaded after them.
 *
 * <p>Internal: may change in any minor release.
 */
public record DatabaseContext(Optional<MigrationSet> migrations, MigrationRunner runner, Optional<TemplateSeed> seed) {

	public DatabaseContext {
		Objects.requireNonNull(migrations, "migrations");
		Objects.requireNonNull(runner, "runner");
		Objects.requireNonNull(seed, "seed");
	}

	/** Migrations only, no seed data. */
	public DatabaseContext(Optional<MigrationSet> migrations, MigrationRunner runner) {
		this(migrations, runner, Optional.empty());
	}
}
