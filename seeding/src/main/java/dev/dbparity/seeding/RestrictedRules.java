package dev.dbparity.seeding;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code RestrictedRules} is seed rules restricted to the tables and columns a database has at one migration version,
 * as {@link SeedRules#at} makes them: for tools that seed a database migration by migration, such as the migration
 * round trip. See "Seeding at a migration version" in {@code seeding/SEED-RULES.md}.
 *
 * @param rules the rules without what was left out, for {@link Seeder#seed}; positions in messages are those of the
 *        original file
 * @param version the migration version, as given
 * @param located for every table rule whose table exists at the version, kept or left out: the rule's table name →
 *        {@code schema.table} as the schema snapshot names it ({@code public.orders}; {@code default.orders} for the
 *        current MariaDB/MySQL database)
 * @param omissions what was left out and why: what does not exist (file order), then what depends on it, then
 *        fixtures
 * @since 0.1
 */
public record RestrictedRules(SeedRules rules, String version, Map<String, String> located,
		List<Omission> omissions) {

	/** What an {@link Omission} left out. */
	public enum Kind {
		/** A table rule, with all its columns. */
		TABLE,
		/** One column rule of a table that is kept. */
		COLUMN,
		/** A {@code fixtures:} entry. */
		FIXTURE
	}

	/**
	 * {@code Omission} is one rule left out, with where it is and why.
	 *
	 * @param kind a table, a column or a fixture
	 * @param table the table as the rules name it
	 * @param source the rules file
	 * @param line 1-based, of the rule
	 * @param column 1-based, of the rule
	 * @param subject the rule's {@code table}, or {@code table.column} for a column; the fixture's table for a fixture
	 * @param reason why it was left out
	 */
	public record Omission(Kind kind, String table, String source, int line, int column, String subject,
			String reason) {

		public Omission {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(table, "table");
			Objects.requireNonNull(source, "source");
			Objects.requireNonNull(subject, "subject");
			Objects.requireNonNull(reason, "reason");
		}

		/** {@code seed.yaml:14:3: orders: left out at version 1: …}. */
		@Override
		public String toString() {
			return source + ":" + line + ":" + column + ": " + subject + ": " + reason;
		}
	}

	public RestrictedRules {
		Objects.requireNonNull(rules, "rules");
		Objects.requireNonNull(version, "version");
		located = Collections.unmodifiableSortedMap(new TreeMap<>(located));
		omissions = List.copyOf(omissions);
	}

	/** Why the rule for the table {@code table} (as the rules name it) was left out as a whole, if it was. */
	public Optional<Omission> tableOmission(String table) {
		return omissions.stream().filter(o -> o.kind() == Kind.TABLE && o.table().equals(table)).findFirst();
	}
}
