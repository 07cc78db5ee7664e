package dev.alchemy.testing;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.SocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * Counts the round trips a PostgreSQL connection makes, and what it sends in each, from the socket up: pgjdbc's
 * {@code socketFactory} connection property names this class ({@link #URL_PARAMETER}), and its sockets record the
 * frontend messages written by a thread inside {@link #record()}. A round trip is a run of writes followed by a read:
 * what the client sends before it waits for the server. Messages pgjdbc queues without waiting (a statement's Close)
 * are counted with the round trip that carries them.
 *
 * <pre>{@code
 * Engine engine = Engine.create(db.url() + "?" + PgWire.URL_PARAMETER);
 * try (PgWire.Recording wire = PgWire.record()) {
 *     ... one operation ...
 *     assertThat(wire.roundTrips()).isEqualTo(2);   // wire.describe() lists the messages of each
 * }
 * }</pre>
 *
 * <p>Only the recording thread's I/O is seen, so a pool's housekeeping thread opening connections in the background
 * does not disturb a count.
 */
public final class PgWire extends SocketFactory {

    /** The URL query parameter that routes a PostgreSQL engine's connections through this factory. */
    public static final String URL_PARAMETER = "socketFactory=" + PgWire.class.getName();

    private static final ThreadLocal<@Nullable Recording> CURRENT = new ThreadLocal<>();

    /** For pgjdbc, which instantiates the factory by name. */
    public PgWire() {}

    /**
     * Starts recording this thread's round trips.
     *
     * @return the recording; close it to stop
     */
    public static Recording record() {
        Recording r = new Recording();
        CURRENT.set(r);
        return r;
    }

    @Override
    public Socket createSocket() {
        return new RecordingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = new RecordingSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new IOException("not used by pgjdbc");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket s = new RecordingSocket();
        s.connect(new java.net.InetSocketAddress(host, port));
        return s;
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw new IOException("not used by pgjdbc");
    }

    /** The round trips of one thread, each as the list of frontend messages it sent. */
    public static final class Recording implements AutoCloseable {
        private final List<List<String>> trips = new ArrayList<>();
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        void wrote(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        void read() {
            if (pending.size() > 0) {
                trips.add(messages(pending.toByteArray()));
                pending.reset();
            }
        }

        /** @return the round trips so far */
        public synchronized int roundTrips() {
            return trips.size();
        }

        /** @return each round trip's messages: {@code Q:BEGIN}, {@code P:SELECT ...}, {@code B}, {@code E}, {@code S} */
        public synchronized List<List<String>> trips() {
            return List.copyOf(trips);
        }

        /** Forgets what was recorded so far. */
        public synchronized void clear() {
            trips.clear();
            pending.reset();
        }

        /** @return one line per round trip, for assertion messages */
        public synchronized String describe() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < trips.size(); i++) {
                s.append(i + 1).append(": ").append(trips.get(i)).append('\n');
            }
            return s.toString();
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) {
                CURRENT.remove();
            }
        }

        @Override
        public String toString() {
            return describe();
        }

        /** Splits the bytes into frontend messages: a type byte, a length, and a body (SQL for Query and Parse). */
        private static List<String> messages(byte[] bytes) {
            List<String> out = new ArrayList<>();
            int i = 0;
            while (i + 5 <= bytes.length) {
                char type = (char) bytes[i];
                int length = ((bytes[i + 1] & 0xff) << 24)
                        | ((bytes[i + 2] & 0xff) << 16)
                        | ((bytes[i + 3] & 0xff) << 8)
                        | (bytes[i + 4] & 0xff);
                if (length < 4 || i + 1 + length > bytes.length) {
                    out.add("?" + (bytes.length - i) + " bytes");
                    return out;
                }
                int body = i + 5;
                int end = i + 1 + length;
                String text = switch (type) {
                    case 'Q' -> "Q:" + cstring(bytes, body, end);
                    case 'P' -> {
                        String name = cstring(bytes, body, end);
                        int nameEnd = indexOfZero(bytes, body, end);
                        yield "P" + (name.isEmpty() ? "" : "[" + name + "]") + ":" + cstring(bytes, nameEnd + 1, end);
                    }
                    case 'B' -> {
                        int portalEnd = indexOfZero(bytes, body, end);
                        String name = cstring(bytes, portalEnd + 1, end);
                        yield name.isEmpty() ? "B" : "B[" + name + "]";
                    }
                    default -> String.valueOf(type);
                };
                out.add(text);
                i = end;
            }
            return out;
        }

        private static int indexOfZero(byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                if (b[i] == 0) {
                    return i;
                }
            }
            return to;
        }

        private static String cstring(byte[] b, int from, int to) {
            return new String(b, from, indexOfZero(b, from, to) - from, StandardCharsets.UTF_8);
        }
    }

    private static final class RecordingSocket extends Socket {
        private @Nullable InputStream input;
        private @Nullable OutputStream output;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        sawRead();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        sawRead();
                        return super.read(b, off, len);
                    }
                };
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        Recording r = CURRENT.get();
                        if (r != null) {
                            synchronized (r) {
                                r.wrote(b, off, len);
                            }
                        }
                        out.write(b, off, len);
                    }
                };
            }
            return output;
        }

        private static void sawRead() {
            Recording r = CURRENT.get();
            if (r != null) {
                synchronized (r) {
                    r.read();
                }
            }
        }
    }
}
