package dev.dbparity.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.dbparity.snapshots.ToolVersion;

/**
 * {@code DbParity} is the {@code dbparity} command line: capture a baseline from a live database, diff two databases or
 * baselines, verify a database against a baseline.
 *
 * <p>Exit codes: {@value #SAME} no differences, {@value #DIFFERENT} differences, {@value #ERROR} usage or connection
 * error.
 */
@Command(name = "dbparity", mixinStandardHelpOptions = true, versionProvider = DbParity.Version.class,
		description = "Makes test databases provably match production.",
		subcommands = { CaptureCommand.class, DiffCommand.class, VerifyCommand.class, SeedCommand.class,
				LintCommand.class, RoundTripCommand.class, RulesCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:no differences", "1:differences found", "2:usage, connection or file error" })
public final class DbParity {

	static final int SAME = 0;
	static final int DIFFERENT = 1;
	static final int ERROR = 2;

	private DbParity() {
	}

	public static void main(String[] args) {
		System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

	/** Runs the command line with its output going to {@code out} and {@code err}; returns the exit code. */
	static int run(PrintWriter out, PrintWriter err, String... args) {
		CommandLine commandLine = new CommandLine(new DbParity())
			.setOut(out)
			.setErr(err)
			.setExitCodeExceptionMapper(exception -> ERROR)
			.setExecutionExceptionHandler((exception, line, parseResult) -> {
				line.getErr().println("dbparity: " + exception.getMessage());
				return ERROR;
			});
		commandLine.getCommandSpec().exitCodeOnInvalidInput(ERROR);
		return commandLine.execute(args);
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { "dbparity " + ToolVersion.current() };
		}
	}
}
