package dev.dbparity.snapshots.catalog;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@code CaptureOptions} narrows what a {@link CatalogReader} reads and says where its progress goes.
 *
 * @param schemas the schemas to read; empty means every non-system schema (PostgreSQL) or the current database
 *     (MariaDB/MySQL)
 * @param progress told the name of each object kind as it is read ({@code tables}, {@code indexes}, …), e.g. to
 *     show progress of a capture from a large production database
 * @since 0.1
 */
public record CaptureOptions(List<String> schemas, Consumer<String> progress) {

	public CaptureOptions {
		schemas = List.copyOf(Objects.requireNonNull(schemas, "schemas"));
		Objects.requireNonNull(progress, "progress");
	}

	/** The given schemas, without progress reports. */
	public CaptureOptions(List<String> schemas) {
		this(schemas, kind -> {
		});
	}

	/** Everything the connection's database holds. */
	public static CaptureOptions all() {
		return new CaptureOptions(List.of());
	}
}
