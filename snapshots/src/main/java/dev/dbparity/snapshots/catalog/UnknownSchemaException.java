package dev.dbparity.snapshots.catalog;

import java.util.List;
import java.util.stream.Collectors;

import dev.dbparity.snapshots.names.ClosestNames;

/**
 * {@code UnknownSchemaException} says that {@link CaptureOptions#schemas()} names a schema the database does not have
 * (or does not show this user), and lists those it has, closest first: a misspelt schema must not give an empty
 * snapshot.
 *
 * @since 0.1
 */
public final class UnknownSchemaException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param kind what the engine calls a schema: {@code schema} or {@code database}
	 * @param missing the named schemas that do not exist
	 * @param existing the schemas that do
	 */
	public UnknownSchemaException(String kind, List<String> missing, List<String> existing) {
		super(message(kind, missing, existing));
	}

	private static String message(String kind, List<String> missing, List<String> existing) {
		String first = missing.get(0);
		String known = existing.isEmpty() ? "there is none this user can see"
				: "the " + kind + "s there, closest first: "
						+ ClosestNames.byCloseness(first, existing).stream().collect(Collectors.joining(", "));
		String hint = ClosestNames.closest(first, existing).map(name -> "Did you mean " + name + "? ").orElse("");
		return "No " + kind + " named " + String.join(", ", missing) + " exists (or this user cannot see it); " + known
				+ ". " + hint + "Name an existing " + kind + ", or none to read "
				+ (kind.equals("schema") ? "every schema" : "the URL's database") + ".";
	}
}
