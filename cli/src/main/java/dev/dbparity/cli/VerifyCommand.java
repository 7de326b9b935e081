package dev.dbparity.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbparity verify}: a CI gate that a live database matches its committed baseline, schema and statistics. */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = "Verify that a live database matches a baseline directory (its schema, and its data statistics "
				+ "with --statistics). Exit 0: matches; 1: drifted.")
final class VerifyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--baseline", required = true, paramLabel = "DIR", description = "The committed baseline directory.")
	Path baseline;

	@Option(names = "--url", required = true, paramLabel = "JDBC", description = "The database to verify.")
	String url;

	@Mixin
	ComparisonOptions comparison;

	@Override
	public Integer call() {
		Urls.check("--url", url);
		return comparison.compare("--baseline", baseline.toString(), "--url", url, spec.commandLine().getOut(),
				spec.commandLine().getErr());
	}
}
