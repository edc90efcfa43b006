package io.keyward.cli.relay;

import io.keyward.server.tls.SelfSignedCertificate;
import io.keyward.server.tls.TlsMaterial;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A relay that terminates TLS with a certificate of its own (which the client under test pins, as
 * it would a load balancer's) and opens its own TLS connection to a node: it sees, and records,
 * every HTTP request in the clear, exactly as a TLS-terminating proxy does. No ALPN is offered, so
 * clients speak HTTP/1.1 through it and the log reads as plain requests. Like a load balancer it can
 * send new connections to another node ({@link #retarget}).
 */
public final class TlsTerminatingRelay extends Relay {
    private final SSLContext upstreamTls;
    private final X509Certificate certificate;
    private volatile int targetPort;

    private TlsTerminatingRelay(SSLServerSocket listener, X509Certificate certificate, SSLContext upstreamTls,
                                int targetPort) {
        super(listener);
        this.certificate = certificate;
        this.upstreamTls = upstreamTls;
        this.targetPort = targetPort;
    }

    /**
     * @param dir where the relay's own self-signed certificate and key are written
     * @param nodeCertificates the certificates of the nodes it may forward to, trusted upstream
     */
    public static TlsTerminatingRelay start(Path dir, int nodePort, X509Certificate... nodeCertificates) throws IOException {
        Path certFile = dir.resolve("relay-cert.pem");
        Path keyFile = dir.resolve("relay-key.pem");
        SelfSignedCertificate.create(certFile, keyFile, List.of());
        TlsMaterial material = TlsMaterial.load(certFile, keyFile);
        try {
            char[] password = "relay".toCharArray();
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(material.keyStore(password), password);
            SSLContext serverTls = SSLContext.getInstance("TLSv1.3");
            serverTls.init(kmf.getKeyManagers(), null, null);
            SSLServerSocket listener = (SSLServerSocket) serverTls.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            listener.setEnabledProtocols(new String[] {"TLSv1.3"});

            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (int i = 0; i < nodeCertificates.length; i++) {
                trusted.setCertificateEntry("node" + i, nodeCertificates[i]);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext upstream = SSLContext.getInstance("TLSv1.3");
            upstream.init(null, tmf.getTrustManagers(), null);
            return new TlsTerminatingRelay(listener, material.certificate(), upstream, nodePort);
        } catch (GeneralSecurityException e) {
            throw new IOException("relay TLS setup failed", e);
        }
    }

    /** The relay's own certificate, which clients must pin to talk through it. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** Sends new connections to another node (close the current ones with {@link #dropConnections()}). */
    public void retarget(int nodePort) {
        this.targetPort = nodePort;
    }

    @Override
    protected Socket accepted(Socket client) throws IOException {
        ((SSLSocket) client).startHandshake();
        SSLSocket upstream = (SSLSocket) upstreamTls.getSocketFactory()
                .createSocket(InetAddress.getLoopbackAddress(), targetPort);
        upstream.setEnabledProtocols(new String[] {"TLSv1.3"});
        upstream.startHandshake();
        return upstream;
    }
}
