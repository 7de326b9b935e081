package dev.dbparity.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.dbparity.runtime.Database;
import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.PostgresCatalogReader;
import dev.dbparity.snapshots.json.CanonicalJson;

/**
 * The snapshot of a database holding every kind of object the PostgreSQL reader reads ({@code schema/postgres/every-kind})
 * is pinned byte for byte by golden files: a change to the reader's queries, made to read faster, must not change a
 * single byte of any snapshot, as baselines written before it would then report drift that is not there.
 *
 * <p>The golden files were written by the reader before its queries were rewritten for speed. Only the settings that
 * come from the machine the engine was initialised on (locale and time zone) are masked.
 */
class PostgresSnapshotGoldenTests {

	private static final String MIGRATIONS = "schema/postgres/every-kind";

	/** The settings that depend on the host that ran {@code initdb}, not on the migrations. */
	private static final List<String> HOST_SETTINGS = List.of("lc_collate", "lc_ctype", "timezone");

	/** Fields that must be somewhere in the tree, so that the golden file keeps covering each of them. */
	private static final List<String> COVERED_FIELDS = List.of("attached", "attributes", "bodyHash", "checkOption",
			"checks", "columnComments", "columns", "comment", "default", "defaultPrivileges", "exclusions", "extensions",
			"foreignKeys", "generated", "grants", "identity", "include", "indexComment", "indexes", "inherits",
			"labels", "nullsNotDistinct", "ownedBy", "partitionOf", "partitioning", "policies", "predicate",
			"primaryKey", "replicaIdentity", "revoked", "rowLevelSecurity", "rules", "securityBarrier",
			"securityInvoker", "sequence", "sequences", "statistics", "storage", "subtype", "target", "triggers",
			"uniqueConstraints", "valid", "views");

	/** The object kinds the reader reports as it goes, in order. */
	private static final List<String> PROGRESS = List.of("settings", "extensions", "schemas", "tables and views",
			"types", "columns", "constraints", "indexes", "sequences", "triggers", "policies", "statistics objects",
			"rules", "publications", "routines", "grants", "default privileges", "comments");

	static String snapshot(Connection connection, List<String> schemas, List<String> progress) throws SQLException {
		ObjectNode tree = (ObjectNode) new PostgresCatalogReader()
			.read(connection, new CaptureOptions(schemas, progress::add))
			.tree()
			.deepCopy();
		ObjectNode settings = (ObjectNode) tree.get("settings");
		for (String host : HOST_SETTINGS) {
			if (settings.has(host)) {
				settings.put(host, "(host)");
			}
		}
		return CanonicalJson.writeString(tree);
	}

	static void assertGolden(String actual, String golden) throws IOException {
		String resource = "schema/postgres/" + golden;
		String expected;
		try (InputStream in = PostgresSnapshotGoldenTests.class.getClassLoader().getResourceAsStream(resource)) {
			expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (!actual.equals(expected)) {
			// Beside the build output, for review. Only a deliberate change of the snapshot format may replace the
			// golden file, with a note in the format's change log: a speed-up must leave it as it is.
			Path written = Files.writeString(Files.createDirectories(Path.of("target", "golden")).resolve(golden),
					actual);
			assertThat(actual).as("snapshot of " + MIGRATIONS + "; this one is in " + written.toAbsolutePath())
				.isEqualTo(expected);
		}
	}

	static Set<String> fieldNames(JsonNode node) {
		Set<String> names = new TreeSet<>();
		collectFieldNames(node, names);
		return names;
	}

	private static void collectFieldNames(JsonNode node, Set<String> names) {
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			names.add(field.getKey());
			collectFieldNames(field.getValue(), names);
		}
	}

	private static RuntimeDatabases databases;

	/** A new database for every test, which may change it. */
	private Database database;

	private Connection connection;

	@BeforeAll
	static void startRuntime() {
		databases = new RuntimeDatabases();
	}

	@AfterAll
	static void stopEngines() {
		databases.close();
	}

	/** Connects to a new clone of the template {@link #MIGRATIONS} build on PostgreSQL {@code version}. */
	void open(String version) throws SQLException {
		database = databases.open(RuntimeDatabases.settings(Engine.POSTGRES, version, MIGRATIONS, Optional.empty()));
		connection = database.dataSource().getConnection();
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		connection.close();
		database.close();
	}

	@Nested
	@DisplayName("when a PostgreSQL 15 database has every kind of object")
	class Postgres15 {

		@BeforeEach
		void openDatabase() throws SQLException {
			open("15.18");
		}

		@Test
		@DisplayName("then its snapshot has the bytes of the golden file")
		void whole() throws SQLException, IOException {
			List<String> progress = new ArrayList<>();

			String actual = snapshot(connection, List.of(), progress);

			assertGolden(actual, "every-kind-15.golden.json");
			assertThat(progress).isEqualTo(PROGRESS);
		}
	}

	@Nested
	@DisplayName("when a PostgreSQL 17 database has every kind of object")
	class Postgres17 {

		@BeforeEach
		void openDatabase() throws SQLException {
			open("17.6");
		}

		@Test
		@DisplayName("then its snapshot has the bytes of the golden file and holds every kind of field")
		void whole() throws SQLException, IOException {
			List<String> progress = new ArrayList<>();

			String actual = snapshot(connection, List.of(), progress);

			assertGolden(actual, "every-kind-17.golden.json");
			assertThat(progress).isEqualTo(PROGRESS);
			assertThat(fieldNames(CanonicalJson.read(actual.getBytes(StandardCharsets.UTF_8), "snapshot")))
				.containsAll(COVERED_FIELDS);
		}

		@Test
		@DisplayName("then a snapshot of named schemas has the bytes of its golden file")
		void namedSchemas() throws SQLException, IOException {
			String actual = snapshot(connection, List.of("app", "Mixed Case"), new ArrayList<>());

			assertGolden(actual, "every-kind-17-app.golden.json");
		}

		@Test
		@DisplayName("then a snapshot read inside the caller's transaction has the same bytes")
		void insideTransaction() throws SQLException, IOException {
			connection.setAutoCommit(false);
			try {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET LOCAL search_path = app, public");
				}

				String actual = snapshot(connection, List.of(), new ArrayList<>());

				assertGolden(actual, "every-kind-17.golden.json");
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}
}
