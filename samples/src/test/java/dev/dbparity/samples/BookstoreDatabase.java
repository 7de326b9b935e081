package dev.dbparity.samples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.dbparity.junit.Engine;
import dev.dbparity.junit.Isolation;
import dev.dbparity.junit.ParityDatabase;
import dev.dbparity.junit.ParityDatabases;

/**
 * The bookstore's own composed annotation: every test class that needs the database says {@code @BookstoreDatabase}
 * and runs on both engines the shop supports, with each engine's migrations and a fresh database per test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParityDatabases({
		@ParityDatabase(engine = Engine.POSTGRES, migrations = "db/migration/{engine}", isolation = Isolation.PER_METHOD),
		@ParityDatabase(engine = Engine.MARIADB, migrations = "db/migration/{engine}", isolation = Isolation.PER_METHOD) })
@interface BookstoreDatabase {
}
