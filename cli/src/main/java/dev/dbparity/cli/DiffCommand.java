package dev.dbparity.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code dbparity diff}: compares two schemas, each a live database or a baseline directory, and their data statistics
 * when both sides have them.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = "Compare two schemas, and their data statistics when both sides have them; each side is a JDBC URL "
				+ "or a baseline directory. Exit 0: same; 1: different.")
final class DiffCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "LEFT", description = "The expected side: JDBC URL or baseline directory.")
	String left;

	@Parameters(index = "1", paramLabel = "RIGHT", description = "The actual side: JDBC URL or baseline directory.")
	String right;

	@Mixin
	ComparisonOptions comparison;

	@Override
	public Integer call() {
		return comparison.compare("LEFT", left, "RIGHT", right, spec.commandLine().getOut(), spec.commandLine().getErr());
	}
}
