package dev.dbparity.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import dev.dbparity.snapshots.ToolVersion;
import dev.dbparity.snapshots.names.ClosestNames;

/**
 * {@code DbParity} is the {@code dbparity} command line: capture a baseline from a live database, diff two databases or
 * baselines, verify a database against a baseline, map where several environments differ.
 *
 * <p>Exit codes: {@value #SAME} no differences, {@value #DIFFERENT} differences, {@value #ERROR} usage or connection
 * error.
 */
@Command(name = "dbparity", mixinStandardHelpOptions = true, versionProvider = DbParity.Version.class,
		description = "Makes test databases provably match production.",
		subcommands = { CaptureCommand.class, DiffCommand.class, VerifyCommand.class, SeedCommand.class,
				LintCommand.class, RoundTripCommand.class, RulesCommand.class, MapCommand.class,
				CacheCommand.class },
		exitCodeListHeading = "%nExit codes:%n",
		exitCodeList = { "0:no differences", "1:differences found", "2:usage, connection or file error" })
public final class DbParity {

	static final int SAME = 0;
	static final int DIFFERENT = 1;
	static final int ERROR = 2;

	/** An option users try for a password, which dbparity has on purpose not: {@code --password}, {@code -p}, … */
	static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)--?(p|pw|pwd|pass|passwd|password)(=.*)?");

	private DbParity() {
	}

	public static void main(String[] args) {
		System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

	/** Runs the command line with its output going to {@code out} and {@code err}; returns the exit code. */
	static int run(PrintWriter out, PrintWriter err, String... args) {
		Set<String> secrets = Credentials.secretsIn(args, System.getenv());
		CommandLine commandLine = new CommandLine(new DbParity())
			.setOut(new PrintWriter(new RedactingWriter(out, secrets), true))
			.setErr(new PrintWriter(new RedactingWriter(err, secrets), true))
			.setExitCodeExceptionMapper(exception -> ERROR)
			.setParameterExceptionHandler(DbParity::usageError)
			.setExecutionExceptionHandler((exception, line, parseResult) -> {
				line.getErr().println("dbparity: " + exception.getMessage());
				return ERROR;
			});
		commandLine.getCommandSpec().exitCodeOnInvalidInput(ERROR);
		try {
			return commandLine.execute(args);
		}
		finally {
			commandLine.getOut().flush();
			commandLine.getErr().flush();
		}
	}

	/**
	 * A mistake in the arguments: picocli's message, then how to fix it: the missing or invalid option's description,
	 * the closest option or command for an unknown one, and where the full help is.
	 */
	private static int usageError(ParameterException exception, String[] args) {
		CommandLine line = exception.getCommandLine();
		PrintWriter err = line.getErr();
		err.println("dbparity: " + exception.getMessage());
		if (exception instanceof MissingParameterException missing) {
			missing.getMissing().forEach(arg -> err.println("  Give " + synopsis(arg) + ": "
					+ String.join(" ", arg.description())));
		}
		else if (exception.getArgSpec() != null) {
			err.println("  " + synopsis(exception.getArgSpec()) + ": " + String.join(" ",
					exception.getArgSpec().description()));
		}
		if (Arrays.stream(args).anyMatch(arg -> PASSWORD_OPTION.matcher(arg).matches())) {
			err.println("  Passwords are never taken as arguments, which would show in process lists and shell history: "
					+ "put the password in an environment variable and give its name with --password-env VAR.");
		}
		if (exception instanceof UnmatchedArgumentException unmatched && unmatched.isUnknownOption()) {
			List<String> known = line.getCommandSpec().options().stream().flatMap(option -> Arrays.stream(option.names()))
				.toList();
			unmatched.getUnmatched().stream().filter(arg -> arg.startsWith("-"))
				.forEach(arg -> ClosestNames.closest(arg.replaceFirst("=.*$", ""), known)
					.ifPresent(name -> err.println("  Did you mean " + name + " instead of " + arg + "?")));
		}
		else {
			UnmatchedArgumentException.printSuggestions(exception, err);
		}
		err.println("  Run '" + line.getCommandSpec().qualifiedName() + " --help' for every option.");
		return ERROR;
	}

	private static String synopsis(ArgSpec arg) {
		return arg instanceof OptionSpec option ? option.longestName() + " " + option.paramLabel() : arg.paramLabel();
	}

	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			return new String[] { "dbparity " + ToolVersion.current() };
		}
	}
}
