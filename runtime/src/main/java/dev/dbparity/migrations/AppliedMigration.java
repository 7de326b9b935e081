package dev.dbparity.migrations;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code AppliedMigration} is one row of a database's migration history, as a {@link MigrationRunner} reports it.
 *
 * @param installedRank the order in which migrations were applied, starting at 1
 * @param version the applied version
 * @param description the migration's description
 * @param checksum the checksum of the forward script when it was applied
 * @param appliedAt when it was applied
 * @param executionTime how long it took
 * @since 0.1
 */
public record AppliedMigration(int installedRank, MigrationVersion version, String description, String checksum,
		Instant appliedAt, Duration executionTime) {

	public AppliedMigration {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(checksum, "checksum");
		Objects.requireNonNull(appliedAt, "appliedAt");
		Objects.requireNonNull(executionTime, "executionTime");
	}
}
