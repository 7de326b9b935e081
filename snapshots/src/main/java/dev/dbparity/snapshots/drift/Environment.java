package dev.dbparity.snapshots.drift;

import java.util.Objects;
import java.util.Optional;

import dev.dbparity.snapshots.SchemaSnapshot;
import dev.dbparity.snapshots.redaction.Redaction;
import dev.dbparity.snapshots.statistics.StatisticsSnapshot;

/**
 * {@code Environment} is one column of a {@link DriftMap}: a name the user chose ({@code prod}), where its schema came
 * from, and the schema and data statistics read there, or why they could not be read.
 *
 * @param name the column's name, unique in a map
 * @param source where the schema came from, a URL or a baseline directory; shown without passwords whatever is passed
 * @param schema the schema, absent when it could not be read
 * @param statistics the data statistics, when the environment has them
 * @param error why the schema could not be read, without passwords; absent when it was read
 * @since 0.2
 */
public record Environment(String name, String source, Optional<SchemaSnapshot> schema,
		Optional<StatisticsSnapshot> statistics, Optional<String> error) {

	public Environment {
		Objects.requireNonNull(name, "name");
		if (name.isBlank()) {
			throw new IllegalArgumentException("an environment's name is not blank");
		}
		// Passwords never reach a report, whichever front end built the environment.
		source = Redaction.url(source);
		error = error.map(Redaction::url);
		if (schema.isPresent() == error.isPresent()) {
			throw new IllegalArgumentException("environment " + name + " has either a schema or an error");
		}
	}

	/** An environment whose schema, and statistics if any, were read. */
	public static Environment read(String name, String source, SchemaSnapshot schema,
			Optional<StatisticsSnapshot> statistics) {
		return new Environment(name, source, Optional.of(schema), statistics, Optional.empty());
	}

	/** An environment that could not be read: a column of errors in the map, the other columns kept. */
	public static Environment failed(String name, String source, String error) {
		return new Environment(name, source, Optional.empty(), Optional.empty(), Optional.of(error));
	}

	public boolean isFailed() {
		return error.isPresent();
	}
}
