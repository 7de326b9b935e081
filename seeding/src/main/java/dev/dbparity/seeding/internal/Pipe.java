package dev.dbparity.seeding.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code Pipe} carries bytes from a generating thread to the thread that feeds the database, through a few bounded
 * chunks: memory stays the same whatever the row count, and generating and loading overlap on two cores. Unlike
 * {@link java.io.PipedInputStream} it moves whole chunks and does not poll once a second. May change in any minor
 * release.
 */
public final class Pipe {

	private static final byte[] END = new byte[0];

	private static final int CHUNK = 64 * 1024;

	private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(8);

	private volatile Throwable producerFailure;

	private volatile boolean closedByReader;

	/** The writing end; {@link OutputStream#close()} marks the end of the data. */
	public OutputStream out() {
		return new OutputStream() {

			private byte[] buffer = new byte[CHUNK];

			private int size;

			@Override
			public void write(int b) throws IOException {
				if (size == buffer.length) {
					flushChunk();
				}
				buffer[size++] = (byte) b;
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				while (length > 0) {
					if (size == buffer.length) {
						flushChunk();
					}
					int n = Math.min(length, buffer.length - size);
					System.arraycopy(bytes, offset, buffer, size, n);
					size += n;
					offset += n;
					length -= n;
				}
			}

			private void flushChunk() throws IOException {
				byte[] chunk = size == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, size);
				put(chunk);
				buffer = new byte[CHUNK];
				size = 0;
			}

			@Override
			public void close() throws IOException {
				if (size > 0) {
					flushChunk();
				}
				put(END);
			}
		};
	}

	private void put(byte[] chunk) throws IOException {
		try {
			while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
				if (closedByReader) {
					throw new IOException("the database stopped reading");
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while generating rows");
		}
	}

	/** Called by the generating thread when it fails, so that the reader fails instead of waiting. */
	public void fail(Throwable failure) {
		producerFailure = failure;
		chunks.clear();
		chunks.offer(END);
	}

	/** The reading end. */
	public InputStream in() {
		return new InputStream() {

			private byte[] chunk = new byte[0];

			private int position;

			private boolean ended;

			private boolean next() throws IOException {
				while (position == chunk.length) {
					if (ended) {
						return false;
					}
					try {
						chunk = chunks.take();
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new InterruptedIOException("interrupted while loading rows");
					}
					position = 0;
					if (chunk == END) {
						ended = true;
						if (producerFailure != null) {
							throw new IOException("generating rows failed: " + producerFailure, producerFailure);
						}
					}
				}
				return true;
			}

			@Override
			public int read() throws IOException {
				return next() ? chunk[position++] & 0xff : -1;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				if (length == 0) {
					return 0;
				}
				if (!next()) {
					return -1;
				}
				int n = Math.min(length, chunk.length - position);
				System.arraycopy(chunk, position, bytes, offset, n);
				position += n;
				return n;
			}

			@Override
			public void close() {
				closedByReader = true;
				chunks.clear();
			}
		};
	}
}
