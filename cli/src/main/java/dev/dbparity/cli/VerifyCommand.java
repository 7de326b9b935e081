package dev.dbparity.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.snapshots.diff.SchemaDiff;

/** {@code dbparity verify}: a CI gate that a live database matches its committed baseline. */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = "Verify that a live database matches a baseline directory. Exit 0: matches; 1: drifted.")
final class VerifyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--baseline", required = true, paramLabel = "DIR", description = "The committed baseline directory.")
	Path baseline;

	@Option(names = "--url", required = true, paramLabel = "JDBC", description = "The database to verify.")
	String url;

	@Mixin
	Credentials credentials;

	@Mixin
	ReportOptions report;

	@Override
	public Integer call() {
		var ignore = report.ignoreRules();
		Side expected = Side.open(baseline.toString(), credentials, spec.commandLine().getErr());
		Side actual = Side.open(url, credentials, spec.commandLine().getErr());
		return report.print(SchemaDiff.compare(expected.schema(), actual.schema(), ignore), expected.label(),
				actual.label(), spec.commandLine().getOut());
	}
}
