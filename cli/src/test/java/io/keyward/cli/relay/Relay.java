package io.keyward.cli.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A man in the middle that the test controls: it accepts connections on a loopback port, opens a
 * connection of its own to the target for each, forwards bytes both ways and records everything it
 * saw from the client. {@link #plain} forwards raw TCP (it sees only TLS records, since TLS is end
 * to end through it); {@link TlsTerminatingRelay} decrypts, so it sees every HTTP request as a
 * TLS-terminating proxy or load balancer would.
 */
public abstract class Relay implements AutoCloseable {
    private final ServerSocket listener;
    private final ByteArrayOutputStream fromClients = new ByteArrayOutputStream();
    private final ByteArrayOutputStream fromServer = new ByteArrayOutputStream();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    protected Relay(ServerSocket listener) {
        this.listener = listener;
        this.acceptor = Thread.ofVirtual().name("relay-accept").start(this::acceptLoop);
    }

    /** A plain TCP relay to {@code 127.0.0.1:targetPort}. */
    public static Relay plain(int targetPort) throws IOException {
        return new Relay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            @Override
            protected Socket accepted(Socket client) throws IOException {
                return new Socket(InetAddress.getLoopbackAddress(), targetPort);
            }
        };
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Every byte clients sent through the relay, as the relay saw it. */
    public byte[] clientBytes() {
        synchronized (fromClients) {
            return fromClients.toByteArray();
        }
    }

    /** Every byte the server sent back through the relay, as the relay saw it. */
    public byte[] serverBytes() {
        synchronized (fromServer) {
            return fromServer.toByteArray();
        }
    }

    /** Closes every open connection (clients then reconnect), e.g. after {@link TlsTerminatingRelay#retarget}. */
    public void dropConnections() {
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** Connects the upstream side for an accepted client (and, for TLS, completes both handshakes). */
    protected abstract Socket accepted(Socket client) throws IOException;

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void connect(Socket client) {
        try {
            Socket upstream = accepted(client);
            open.add(upstream);
            Thread.ofVirtual().start(() -> pump(client, upstream, fromClients));
            pump(upstream, client, fromServer);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void pump(Socket from, Socket to, ByteArrayOutputStream log) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                synchronized (log) {
                    log.write(buffer, 0, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
