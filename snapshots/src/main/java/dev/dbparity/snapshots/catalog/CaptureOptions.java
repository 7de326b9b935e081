package dev.dbparity.snapshots.catalog;

import java.util.List;
import java.util.Objects;

/**
 * {@code CaptureOptions} narrows what a {@link CatalogReader} reads.
 *
 * @param schemas the schemas to read; empty means every non-system schema (PostgreSQL) or the current database
 *     (MariaDB/MySQL)
 * @since 0.1
 */
public record CaptureOptions(List<String> schemas) {

	public CaptureOptions {
		schemas = List.copyOf(Objects.requireNonNull(schemas, "schemas"));
	}

	/** Everything the connection's database holds. */
	public static CaptureOptions all() {
		return new CaptureOptions(List.of());
	}
}
