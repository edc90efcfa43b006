package io.keyward.client;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * How the client decides to trust the server's TLS certificate.
 *
 * <ul>
 *   <li>{@link #system()}: the JDK's trusted CAs and host-name verification, for a node behind a public certificate;</li>
 *   <li>{@link #pinned(String)}: exactly the certificate whose SHA-256 fingerprint the node printed at first start
 *       (for self-signed nodes); the pin is the identity, so no CA or host-name check applies;</li>
 *   <li>{@link #custom(CertificateCheck)}: the caller decides (e.g. trust on first use, showing the fingerprint).</li>
 * </ul>
 */
public sealed interface ServerTrust {
    /** Throws {@link CertificateException} to refuse the server's chain (leaf first). */
    @FunctionalInterface
    interface CertificateCheck {
        void check(X509Certificate[] chain) throws CertificateException;
    }

    record System() implements ServerTrust {}

    record Pinned(String sha256Fingerprint) implements ServerTrust {
        private static final Pattern FORMAT = Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}");

        public Pinned {
            Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
            String normalized = sha256Fingerprint.strip().toUpperCase(Locale.ROOT);
            if (!FORMAT.matcher(normalized).matches()) {
                throw new IllegalArgumentException(
                        "a certificate fingerprint is 32 hex pairs joined by colons (AA:BB:...), as the server prints it");
            }
            sha256Fingerprint = normalized;
        }
    }

    record Custom(CertificateCheck check) implements ServerTrust {
        public Custom {
            Objects.requireNonNull(check, "check");
        }
    }

    static ServerTrust system() {
        return new System();
    }

    static ServerTrust pinned(String sha256Fingerprint) {
        return new Pinned(sha256Fingerprint);
    }

    static ServerTrust custom(CertificateCheck check) {
        return new Custom(check);
    }

    /** The SHA-256 fingerprint of a certificate's DER encoding as colon-separated upper-case hex (as the server prints it). */
    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }
}

/** The trust manager behind a {@link ServerTrust}; remembers the fingerprint of the last certificate it accepted. */
final class TrustingManager extends X509ExtendedTrustManager {
    private final ServerTrust trust;
    private final X509ExtendedTrustManager system;
    private volatile String lastFingerprint;

    TrustingManager(ServerTrust trust) {
        this.trust = trust;
        this.system = trust instanceof ServerTrust.System ? systemTrustManager() : null;
    }

    String lastFingerprint() {
        return lastFingerprint;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        if (system != null) {
            system.checkServerTrusted(chain, authType, socket);
        }
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        if (system != null) {
            system.checkServerTrusted(chain, authType, engine);
        }
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (system != null) {
            system.checkServerTrusted(chain, authType);
        }
        check(chain);
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        String seen = ServerTrust.fingerprint(chain[0]);
        switch (trust) {
            case ServerTrust.System s -> { }
            case ServerTrust.Pinned pinned -> {
                if (!MessageDigest.isEqual(seen.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        pinned.sha256Fingerprint().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                    throw new CertificateException("the server certificate " + seen + " is not the pinned one");
                }
            }
            case ServerTrust.Custom custom -> custom.check().check(chain.clone());
        }
        lastFingerprint = seen;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("this client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("this client does not accept client certificates");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this client does not accept client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return system != null ? system.getAcceptedIssuers() : new X509Certificate[0];
    }

    private static X509ExtendedTrustManager systemTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager extended) {
                    return extended;
                }
                if (manager instanceof X509TrustManager) {
                    throw new IllegalStateException("the JDK's default trust manager does not verify host names");
                }
            }
            throw new IllegalStateException("the JDK has no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JDK's trusted certificates", e);
        }
    }
}
