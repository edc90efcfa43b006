package io.keyward.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A certificate chain (leaf first) and its private key, loaded from PEM files and checked to belong
 * together. {@link #toString()} never shows the key.
 */
public final class TlsMaterial {
    private final List<X509Certificate> chain;
    private final PrivateKey privateKey;

    private TlsMaterial(List<X509Certificate> chain, PrivateKey privateKey) {
        this.chain = List.copyOf(chain);
        this.privateKey = privateKey;
    }

    /**
     * Loads a PEM certificate chain and an unencrypted PEM private key (PKCS#8, SEC1 EC or PKCS#1 RSA).
     *
     * @throws TlsException with one line when a file is unreadable, malformed, encrypted, or the key
     *     does not match the certificate
     */
    public static TlsMaterial load(Path certFile, Path keyFile) {
        List<X509Certificate> chain = readChain(certFile);
        PrivateKey key = readKey(keyFile);
        checkPair(chain.getFirst(), key, certFile, keyFile);
        return new TlsMaterial(chain, key);
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** The SHA-256 fingerprint of the leaf certificate, colon hex as OpenSSL prints it. */
    public String fingerprint() {
        return CertificateFingerprint.sha256(certificate());
    }

    /** An in-memory key store holding the key under alias {@code keyward}, for Jetty's SslContextFactory. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("keyward", privateKey, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsException("cannot build the TLS key store: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsMaterial[fingerprint=" + fingerprint() + "]";
    }

    private static List<X509Certificate> readChain(Path certFile) {
        try (InputStream in = Files.newInputStream(certFile)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (chain.isEmpty()) {
                throw new TlsException("tls: " + certFile + " holds no certificate");
            }
            return chain;
        } catch (CertificateException e) {
            throw new TlsException("tls: " + certFile + " is not a PEM certificate");
        } catch (IOException e) {
            throw new TlsException("tls: cannot read " + certFile + ": " + e.getMessage());
        }
    }

    private static PrivateKey readKey(Path keyFile) {
        try (Reader reader = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return switch (object) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
                case PEMEncryptedKeyPair ignored -> throw encrypted(keyFile);
                case PKCS8EncryptedPrivateKeyInfo ignored -> throw encrypted(keyFile);
                case null, default -> throw new TlsException("tls: " + keyFile + " is not a PEM private key");
            };
        } catch (IOException e) {
            // PEMParser reports malformed content as IOException; its message may quote file bytes.
            throw new TlsException("tls: " + keyFile + " is not a readable PEM private key");
        }
    }

    private static TlsException encrypted(Path keyFile) {
        return new TlsException("tls: " + keyFile + " is encrypted; give the key unencrypted (mode 0600)");
    }

    /** Signs a random challenge with the key and verifies it with the certificate. */
    private static void checkPair(X509Certificate certificate, PrivateKey key, Path certFile, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new TlsException("tls: " + keyFile + " holds an unsupported " + key.getAlgorithm() + " key");
        };
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (!verifier.verify(signature)) {
                throw new TlsException("tls: the key in " + keyFile + " does not match the certificate in " + certFile);
            }
        } catch (GeneralSecurityException e) {
            throw new TlsException("tls: the key in " + keyFile + " does not match the certificate in " + certFile);
        }
    }
}
