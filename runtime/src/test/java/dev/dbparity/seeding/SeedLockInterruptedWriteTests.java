package dev.dbparity.seeding;

import static dev.dbparity.seeding.SeedShopTests.execute;
import static dev.dbparity.seeding.SeedShopTests.onShop;
import static dev.dbparity.seeding.SeedShopTests.options;
import static dev.dbparity.seeding.SeedShopTests.shopRules;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.runtime.RuntimeDatabases;
import dev.dbparity.snapshots.Engine;

/**
 * A write of {@code seed.lock.json} killed half-way leaves its temporary file beside the lock; the next seeding that
 * reads the lock removes it, so that {@code git add .} cannot commit it. (Every crash point of the writer is covered by
 * {@code AtomicFilesCrashTests} in snapshots.)
 */
class SeedLockInterruptedWriteTests {

	@Test
	void theNextSeedingRemovesTheTemporaryFileAndReadsTheCompleteLock(@TempDir Path dir) throws Exception {
		Path lockFile = dir.resolve("seed.lock.json");
		try (RuntimeDatabases databases = new RuntimeDatabases()) {
			onShop(databases, Engine.POSTGRES, connection -> {
				SeedRules rules = shopRules();
				Seeder.seed(connection, rules, options().withLock(LockMode.UPDATE, lockFile));
				String lock = Files.readString(lockFile);
				Path leftover = lockFile.resolveSibling(".seed.lock.json.dbparity-new");
				Files.writeString(leftover, "{\n  \"format\": 1,\n  \"prof");
				execute(connection, "TRUNCATE orders, products, customers");

				Seeder.seed(connection, rules, options().withLock(LockMode.VERIFY, lockFile));

				assertThat(Files.readString(lockFile)).isEqualTo(lock);
				try (Stream<Path> files = Files.list(lockFile.getParent())) {
					assertThat(files.map(file -> file.getFileName().toString())).containsExactly("seed.lock.json");
				}
			});
		}
	}
}
