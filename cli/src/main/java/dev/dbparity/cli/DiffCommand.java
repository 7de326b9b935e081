package dev.dbparity.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.dbparity.snapshots.diff.SchemaDiff;

/** {@code dbparity diff}: compares two schemas, each a live database or a baseline directory. */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = "Compare two schemas; each side is a JDBC URL or a baseline directory. Exit 0: same; 1: different.")
final class DiffCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "LEFT", description = "The expected side: JDBC URL or baseline directory.")
	String left;

	@Parameters(index = "1", paramLabel = "RIGHT", description = "The actual side: JDBC URL or baseline directory.")
	String right;

	@Mixin
	Credentials credentials;

	@Mixin
	ReportOptions report;

	@Override
	public Integer call() {
		var ignore = report.ignoreRules();
		Side expected = Side.open(left, credentials, spec.commandLine().getErr());
		Side actual = Side.open(right, credentials, spec.commandLine().getErr());
		return report.print(SchemaDiff.compare(expected.schema(), actual.schema(), ignore), expected.label(),
				actual.label(), spec.commandLine().getOut());
	}
}
