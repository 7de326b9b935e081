package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.dbparity.engines.EngineSpec;
import dev.dbparity.engines.RunningEngine;
import dev.dbparity.snapshots.Engine;

/**
 * The main class of a JVM that {@link OrphanedServerTests} forks and kills: it starts one embedded server, prints
 * {@code server <pid> <data directory>} and waits, never closing the engine.
 */
public final class EmbeddedServerJvm {

	private EmbeddedServerJvm() {
	}

	/** @param args the engine ({@code POSTGRES}, {@code MARIADB}) and its version */
	public static void main(String[] args) throws Exception {
		RunningEngine running = new EmbeddedProvider().start(new EngineSpec(Engine.valueOf(args[0]), args[1], Map.of()));
		running.createDatabase("dbparity_orphan");
		boolean postgres = running.engine() == Engine.POSTGRES;
		Path serverDirectory = Path.of(query(running, postgres ? "SHOW data_directory" : "SELECT @@datadir"));
		Path pidFile = serverDirectory.resolve(postgres ? "postmaster.pid" : query(running, "SELECT @@pid_file"));
		String pid = Files.readAllLines(pidFile).get(0).trim();
		// The server's own directory is a subdirectory of the one dbparity owns.
		System.out.println("server " + pid + " " + serverDirectory.getParent());
		System.out.flush();
		System.in.read();
	}

	/** Forks a JVM on this one's classpath that runs this main class, its standard error going to {@code errors}. */
	static Process fork(Engine engine, String version, Path errors, Map<String, String> environment,
			String... jvmOptions) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), EmbeddedServerJvm.class.getName(),
				engine.name(), version));
		ProcessBuilder builder = new ProcessBuilder(command).redirectError(Redirect.to(errors.toFile()));
		builder.environment().putAll(environment);
		return builder.start();
	}

	private static String query(RunningEngine running, String sql) throws SQLException {
		try (Connection connection = running.dataSource("dbparity_orphan").getConnection();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getString(1);
		}
	}
}
