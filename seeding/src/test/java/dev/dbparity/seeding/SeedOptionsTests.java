package dev.dbparity.seeding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeedOptionsTests {

	@Test
	@DisplayName("only some tables are loaded without a lock, since the lock file records full seeds")
	void onlyTablesWithoutLock() {
		SeedOptions only = SeedOptions.defaults().withOnlyTables(Set.of("orders", "items"));
		assertThat(only.onlyTables()).hasValueSatisfying(tables -> assertThat(tables).containsExactly("items", "orders"));
		assertThat(only.withProfile("small").onlyTables()).isEqualTo(only.onlyTables());
		assertThat(SeedOptions.defaults().onlyTables()).isEmpty();

		assertThatThrownBy(() -> only.withLock(LockMode.VERIFY, Path.of("seed.lock.json")))
			.isInstanceOf(IllegalArgumentException.class).hasMessage("seeding only the tables [items, orders] needs lock "
					+ "mode IGNORE, not VERIFY: the lock file records what a full seed loads. Seed all tables to verify "
					+ "or update it");
		assertThat(new SeedOptions("default", only.maskingKey(), LockMode.IGNORE, Optional.empty(), line -> {
		}).onlyTables()).isEmpty();
	}
}
