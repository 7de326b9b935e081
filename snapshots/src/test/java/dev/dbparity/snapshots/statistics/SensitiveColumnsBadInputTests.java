package dev.dbparity.snapshots.statistics;

import static dev.dbparity.badinput.BadInputMessage.assertSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dbparity.badinput.BadInputEntry;

/**
 * The catalogue's entries for files of sensitive columns ({@code parity/sensitive.yaml}), read by
 * {@link SensitiveColumns#load} as the extension and {@code dbparity capture --sensitive-columns} read them. Reading
 * writes nothing; the entries where a capture could write are in the command line's catalogue.
 */
class SensitiveColumnsBadInputTests {

	@TempDir
	Path directory;

	private Throwable error(String yaml) throws IOException {
		Path file = directory.resolve("sensitive.yaml");
		Files.writeString(file, yaml);
		Throwable thrown = catchThrowable(() -> SensitiveColumns.load(file));
		assertThat(thrown).isInstanceOf(SensitiveColumnsException.class);
		return thrown;
	}

	@Test
	@BadInputEntry("STAT-001")
	void columnWithoutItsTable() throws IOException {
		assertSays(error("- customer.contact\n- note\n"), "\"note\" is not a column name", "sensitive.yaml:2:3",
				"- customer.contact");
	}

	@Test
	@BadInputEntry("STAT-002")
	void mappingInsteadOfAList() throws IOException {
		assertSays(error("columns:\n  - customer.contact\n"),
				"a file of sensitive columns is a list of table.column names, but this is a mapping",
				"sensitive.yaml:1:1", "write one \"- name\" per line");
	}

	@Test
	@BadInputEntry("STAT-003")
	void missingFile() {
		Path file = directory.resolve("parity/sensitive.yaml");

		assertSays(catchThrowable(() -> SensitiveColumns.load(file)), "no such file of sensitive columns",
				file.toString(), "create it with one column per line");
	}

	@Test
	@BadInputEntry("STAT-004")
	void tabIndentation() throws IOException {
		assertSays(error("- customer.contact\n\t- orders.note\n"), "not valid YAML", "sensitive.yaml:2:1",
				"replace the tab on line 2 with spaces");
	}

	@Test
	@BadInputEntry("STAT-005")
	void nameWithASpace() throws IOException {
		assertSays(error("- customer.contact\n- \"orders.delivery note\"\n"),
				"\"orders.delivery note\" is not a column name", "sensitive.yaml:2:3", "- public.orders.note");
	}

	@Test
	@BadInputEntry("STAT-013")
	void fileSavedAsWindows1252() throws IOException {
		Path file = directory.resolve("sensitive.yaml");
		Files.write(file, "# Kundendaten (persönlich)\n- customer.contact\n".getBytes(StandardCharsets.ISO_8859_1));

		Throwable thrown = catchThrowable(() -> SensitiveColumns.load(file));

		assertThat(thrown).isInstanceOf(SensitiveColumnsException.class);
		assertSays(thrown, "invalid UTF-8 at byte offset 19 (0xF6)", "sensitive.yaml:1:20", "re-save the file as UTF-8");
	}
}
