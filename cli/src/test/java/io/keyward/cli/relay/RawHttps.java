package io.keyward.cli.relay;

import io.keyward.server.testing.TestHttps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLSocket;

/** Sends captured request bytes as they are over a new TLS connection and reads one response. */
public final class RawHttps {
    private RawHttps() {}

    public static HttpCapture.Message exchange(X509Certificate trusted, int port, byte[] request) throws IOException {
        try (SSLSocket socket = (SSLSocket) TestHttps.trusting(trusted).getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {"TLSv1.3"});
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                List<HttpCapture.Message> messages = complete(received.toByteArray());
                if (!messages.isEmpty()) {
                    return messages.getFirst();
                }
                int n = in.read(buffer);
                if (n == -1) {
                    throw new IOException("connection closed before a whole response: " + received);
                }
                received.write(buffer, 0, n);
            }
        }
    }

    private static List<HttpCapture.Message> complete(byte[] bytes) {
        try {
            return HttpCapture.parse(bytes);
        } catch (RuntimeException e) {
            return List.of(); // not all of it yet
        }
    }
}
