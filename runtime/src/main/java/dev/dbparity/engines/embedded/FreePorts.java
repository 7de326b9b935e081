package dev.dbparity.engines.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * {@code FreePorts} finds the ports embedded servers listen on, and tells a start that failed because its port was
 * taken: a port is free when it is found, but another process (a server started beside this one) can bind it before
 * the server does, so such a start is tried again on another port.
 */
final class FreePorts {

	/** How often a start is tried, each on another port, while its server finds its port taken. */
	static final int ATTEMPTS = 3;
	/** What a server writes when its port was taken, in the C locale that dbparity pins by default (errno 98). */
	private static final String TAKEN = "Address already in use";

	private FreePorts() {
	}

	/** A port that no process listens on now, on the loopback interface, as the kernel picks one. */
	static int next() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not find a free port on the loopback interface", e);
		}
	}

	/** Whether a server's output (or a failure that quotes it) says that the port it was given was taken. */
	static boolean taken(String output) {
		return output != null && output.contains(TAKEN);
	}

	/** What a failure that ended {@value #ATTEMPTS} starts, each on a port taken, adds to its message. */
	static String everyPortTaken() {
		return "\n(" + ATTEMPTS + " ports tried, each taken by another process as the server started.)";
	}
}
