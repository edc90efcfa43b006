package io.keyward.server.http;

import io.keyward.server.config.ServerConfig;
import io.keyward.server.tls.TlsMaterial;
import java.security.SecureRandom;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The node's only listener: TLS 1.3 (nothing older is offered, DESIGN.md "Wire conventions"), then
 * HTTP/2 when the client offers {@code h2} through ALPN, else HTTP/1.1. There is no plain-HTTP listener.
 */
final class TlsConnectors {
    static final String TLS_PROTOCOL = "TLSv1.3";

    private TlsConnectors() {}

    static ServerConnector https(Server server, HttpConfiguration base, ServerConfig config, TlsMaterial material) {
        HttpConfiguration https = new HttpConfiguration(base);
        https.setRequestHeaderSize(config.limits().maxHeaderBytes());
        https.setSendServerVersion(false);
        https.setSendXPoweredBy(false);
        // Clients reach a self-signed node by IP without SNI; the certificate is pinned, not name-checked.
        SecureRequestCustomizer secure = new SecureRequestCustomizer(false);
        https.addCustomizer(secure);

        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
        HttpConnectionFactory h1 = new HttpConnectionFactory(https);
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory(h2.getProtocol(), h1.getProtocol());
        alpn.setDefaultProtocol(h1.getProtocol());
        SslConnectionFactory tls = new SslConnectionFactory(sslContextFactory(material), alpn.getProtocol());

        ServerConnector connector = new ServerConnector(server, tls, alpn, h2, h1);
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    private static SslContextFactory.Server sslContextFactory(TlsMaterial material) {
        // The key store exists only in memory; its password protects nothing and is random per start.
        char[] password = new char[24];
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(material.keyStore(password));
        factory.setKeyStorePassword(new String(password));
        factory.setIncludeProtocols(TLS_PROTOCOL);
        factory.setSniRequired(false);
        factory.setRenegotiationAllowed(false);
        return factory;
    }
}
