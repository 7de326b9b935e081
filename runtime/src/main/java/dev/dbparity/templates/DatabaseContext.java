package dev.dbparity.templates;

import java.util.Objects;
import java.util.Optional;

import dev.dbparity.migrations.MigrationRunner;
import dev.dbparity.migrations.MigrationSet;

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
