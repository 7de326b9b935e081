package dev.dbparity.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@link MigrationSet#versionOf}: the version a baseline's recorded migration version stands for. */
class RecordedVersionTests {

	private static final MigrationSet CHANGELOG = set("changelog.xml", "create-shelf by alice", "add-isbn by bob",
			"add-isbn by carol");

	private static final MigrationSet FOLDER = set("db/shelf", "shelves", "books");

	private static MigrationSet set(String location, String... descriptions) {
		List<Migration> migrations = new ArrayList<>();
		for (int i = 0; i < descriptions.length; i++) {
			String content = "SELECT " + i;
			migrations.add(new Migration(MigrationVersion.parse(String.valueOf(i + 1)), descriptions[i],
					new Script(location + "::" + i, content, Script.checksumOf(content)), Optional.empty()));
		}
		return new MigrationSet(location, location.endsWith(".xml") ? MigrationFormat.LIQUIBASE : MigrationFormat.FLYWAY,
				migrations);
	}

	@Test
	void versionsAreParsedAndMustBeInTheSet() {
		assertThat(FOLDER.versionOf("2")).isEqualTo(MigrationVersion.parse("2"));
		assertThatThrownBy(() -> FOLDER.versionOf("7")).isInstanceOf(MigrationException.class)
			.hasMessage("Migration version 7 is not in 'db/shelf', whose versions are 1, 2.");
		assertThatThrownBy(() -> FOLDER.versionOf("v2")).isInstanceOf(MigrationException.class)
			.hasMessageStartingWith("Migration version 'v2' cannot be read: ");
	}

	@Test
	void liquibaseChangesetsAreFoundByIdAndAuthor() {
		assertThat(CHANGELOG.versionOf("liquibase:create-shelf by alice")).isEqualTo(MigrationVersion.parse("1"));
		assertThat(CHANGELOG.versionOf("liquibase:add-isbn by carol")).isEqualTo(MigrationVersion.parse("3"));
		assertThat(CHANGELOG.versionOf("liquibase:create-shelf")).as("an id alone, when it is unique")
			.isEqualTo(MigrationVersion.parse("1"));
	}

	@Test
	void aLiquibaseChangesetTheChangelogDoesNotHaveOrAnAmbiguousIdIsExplained() {
		assertThatThrownBy(() -> CHANGELOG.versionOf("liquibase:drop-shelf by alice"))
			.isInstanceOf(MigrationException.class)
			.hasMessage("Migration version 'liquibase:drop-shelf by alice' names Liquibase changeset 'drop-shelf by "
					+ "alice', which the changelog changelog.xml does not have; its changesets are create-shelf by "
					+ "alice, add-isbn by bob, add-isbn by carol. Record the changeset as 'liquibase:<id> by <author>', "
					+ "as dbparity capture does.");
		assertThatThrownBy(() -> CHANGELOG.versionOf("liquibase:add-isbn")).isInstanceOf(MigrationException.class)
			.hasMessageContaining("which is ambiguous in changelog.xml (2 changesets have that id)");
	}

	@Test
	void gapsInANumberingOneTwoThreeAreNamedWithTheirFiles() {
		assertThat(set("db/shelf", "a", "b", "c").gaps()).isEmpty();
		MigrationSet holes = new MigrationSet("db/shelf", MigrationFormat.FLYWAY, List.of(migration("1", "a"),
				migration("2", "b"), migration("4", "d"), migration("7", "g")));
		assertThat(holes.gaps()).containsExactly(
				"db/shelf skips from version 2 (db/shelf::b) to 4 (db/shelf::d): version 3 is missing",
				"db/shelf skips from version 4 (db/shelf::d) to 7 (db/shelf::g): versions 5 to 6 are missing");
		assertThat(new MigrationSet("db/golang", MigrationFormat.GOLANG_MIGRATE, List.of(migration("20230101120000", "a"),
				migration("20230305090000", "b"))).gaps()).as("timestamps skip by design").isEmpty();
		assertThat(new MigrationSet("db/dotted", MigrationFormat.FLYWAY, List.of(migration("1", "a"),
				migration("1.1", "b"), migration("3", "c"))).gaps()).as("dotted versions are not a numbering").isEmpty();
	}

	private static Migration migration(String version, String description) {
		return new Migration(MigrationVersion.parse(version), description,
				new Script("db/shelf::" + description, "SELECT 1", Script.checksumOf("SELECT 1")), Optional.empty());
	}
}
