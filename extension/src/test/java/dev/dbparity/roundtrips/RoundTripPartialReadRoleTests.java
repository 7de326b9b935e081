package dev.dbparity.roundtrips;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

import dev.dbparity.migrations.RealDatabases;
import dev.dbparity.snapshots.Engine;
import dev.dbparity.snapshots.catalog.CaptureOptions;
import dev.dbparity.snapshots.catalog.CatalogReader;
import dev.dbparity.snapshots.catalog.CatalogReader.ChangedRead;
import dev.dbparity.snapshots.catalog.CatalogReader.Extent;
import dev.dbparity.snapshots.catalog.CatalogReaders;

/**
 * A role's name, which a snapshot shows as an owner or grantee, lives in a catalog shared by every database of the
 * server: renaming one reads everything. Isolated: a role renamed while another class holds a catalog mark makes that
 * mark's next check read everything too, which such a class may assert it does not.
 */
@Isolated
class RoundTripPartialReadRoleTests {

	@Test
	void aRenamedRoleThatOwnsAndIsGrantedMeansAFullRead() throws SQLException {
		String role = "dbparity_reader_" + UUID.randomUUID().toString().substring(0, 8);
		DataSource database = RealDatabases.freshDatabase(Engine.POSTGRES);
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(RoundTripPartialReadTests.SCHEMA);
			statement.execute("CREATE ROLE " + role + "; GRANT SELECT ON book TO " + role);
			try {
				CatalogReader reader = CatalogReaders.forConnection(connection);
				CatalogReader.Marked before = reader.readMarked(connection, CaptureOptions.all());

				statement.execute("ALTER ROLE " + role + " RENAME TO " + role + "_renamed");

				ChangedRead read = reader.readChanged(connection, before, CaptureOptions.all());
				assertThat(read.extent()).isEqualTo(Extent.FULL);
				assertThat(read.marked().snapshot()).isEqualTo(reader.read(connection, CaptureOptions.all()))
					.isNotEqualTo(before.snapshot());
			}
			finally {
				statement.execute("DROP OWNED BY " + role + "_renamed; DROP ROLE " + role + "_renamed");
			}
		}
	}
}
