package dev.dbparity.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.cache.CacheSettings;
import dev.dbparity.cache.TemplateCache;

/**
 * {@code dbparity cache}: the template cache that embedded PostgreSQL's prepared templates are kept in across test
 * runs; {@code cache list} shows its entries, {@code cache clear} removes them.
 */
@Command(name = "cache", mixinStandardHelpOptions = true,
		description = "The template cache of prepared embedded databases kept across test runs.",
		subcommands = { CacheCommand.ListEntries.class, CacheCommand.Clear.class })
final class CacheCommand {

	/** The cache directory option both subcommands share. */
	static final class Directory {

		@Option(names = "--dir", paramLabel = "DIR", description = "The cache directory (default: "
				+ "$XDG_CACHE_HOME/dbparity/templates, else ~/.cache/dbparity/templates; the tests' dbparity.cache.dir).")
		Optional<Path> directory = Optional.empty();

		TemplateCache cache() {
			return TemplateCache.of(new CacheSettings(true, directory.orElseGet(() -> CacheSettings.defaultDirectory(
					System.getenv())), CacheSettings.DEFAULT_MAX_BYTES), warning -> {
					});
		}

		Path path() {
			return directory.orElseGet(() -> CacheSettings.defaultDirectory(System.getenv()));
		}
	}

	/** {@code dbparity cache list}: one line per entry, most recently used first. */
	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the entries: size, last use, what "
			+ "they hold.")
	static final class ListEntries implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@picocli.CommandLine.Mixin
		Directory directory = new Directory();

		@Override
		public Integer call() {
			List<TemplateCache.EntryInfo> entries = directory.cache().list();
			spec.commandLine().getOut().println(directory.path() + ": " + entries.size() + " entries, " + megabytes(entries
				.stream().mapToLong(TemplateCache.EntryInfo::bytes).sum()));
			for (TemplateCache.EntryInfo entry : entries) {
				Map<String, String> parts = parts(entry.key());
				spec.commandLine().getOut().println("  " + entry.name() + "  " + megabytes(entry.bytes()) + "  last used "
						+ entry.lastUsed() + "  " + parts.getOrDefault("binaries", "") + parts.getOrDefault(
								"template.migrations", "").transform(migrations -> migrations.isEmpty() ? ""
										: ", migrations " + migrations));
			}
			spec.commandLine().getOut().flush();
			return DbParity.SAME;
		}
	}

	/** {@code dbparity cache clear}: removes every entry no run is using. */
	@Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove every entry no test run is using "
			+ "now; the next run builds what it needs again.")
	static final class Clear implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@picocli.CommandLine.Mixin
		Directory directory = new Directory();

		@Override
		public Integer call() {
			TemplateCache cache = directory.cache();
			int before = cache.list().size();
			int removed = cache.clear();
			spec.commandLine().getOut().println("dbparity: removed " + removed + " of " + before + " entries from "
					+ directory.path() + (removed < before ? " (the others are in use by a running test run)" : ""));
			spec.commandLine().getOut().flush();
			return DbParity.SAME;
		}
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
	}

	private static Map<String, String> parts(String key) {
		Map<String, String> parts = new java.util.TreeMap<>();
		key.lines().filter(line -> line.contains("=")).forEach(line -> parts.put(line.substring(0, line.indexOf('=')),
				line.substring(line.indexOf('=') + 1)));
		return parts;
	}
}
