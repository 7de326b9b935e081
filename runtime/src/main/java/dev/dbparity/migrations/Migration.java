package dev.dbparity.migrations;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code Migration} is one version of a {@link MigrationSet}: its forward script and, optionally, the undo script that
 * reverses it.
 *
 * @param version the version, from the file name, e.g. {@code V<version>__<description>.sql}
 * @param description the description from the file name, with {@code _} turned into spaces
 * @param up the forward script ({@code V} file, {@code .up.sql} file, or up section)
 * @param undo the undo script ({@code U} file, {@code .down.sql} file, or down section), if there is one
 * @since 0.1
 */
public record Migration(MigrationVersion version, String description, Script up, Optional<Script> undo) {

	public Migration {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(up, "up");
		Objects.requireNonNull(undo, "undo");
	}
}
