package io.keyward.server.tls;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Creates the self-signed certificate a node uses when the operator gives none: ECDSA P-256, valid for
 * the loopback addresses, {@code localhost}, the machine's host name and any extra names or addresses
 * (the configured listen host). Clients trust it by its
 * SHA-256 fingerprint (pinned), not through a CA, so it is long-lived; replacing it means clients
 * re-pin.
 */
public final class SelfSignedCertificate {
    static final Duration VALIDITY = Duration.ofDays(3650);

    private SelfSignedCertificate() {}

    /**
     * Generates a key pair and certificate and writes them as PEM: the key (PKCS#8) with mode 0600, the
     * certificate with mode 0644. Neither file may exist yet.
     *
     * @return the written certificate
     */
    public static X509Certificate create(Path certFile, Path keyFile, List<String> extraNames) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            X509Certificate certificate = sign(keyPair, extraNames);
            PrivateFiles.writeNew(keyFile, pem(new JcaPKCS8Generator(keyPair.getPrivate(), null)), "rw-------");
            PrivateFiles.writeNew(certFile, pem(certificate), "rw-r--r--");
            return certificate;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new TlsException("cannot create a self-signed certificate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TlsException("cannot write the self-signed certificate to " + certFile.getParent() + ": " + e, e);
        }
    }

    /** The names the certificate covers: loopback, localhost, this machine's host name and any extra names. */
    static Set<String> names(List<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        try {
            String host = InetAddress.getLocalHost().getHostName();
            if (host != null && !host.isBlank() && !host.equals("localhost")) {
                names.add(host);
            }
        } catch (IOException e) {
            // No resolvable host name: the certificate still covers loopback.
        }
        names.addAll(extra);
        return names;
    }

    private static X509Certificate sign(KeyPair keyPair, List<String> extraNames)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Set<String> names = names(extraNames);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "Keyward")
                .addRDN(BCStyle.CN, "keyward node")
                .build();
        Instant now = Instant.now();
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

        List<GeneralName> san = new ArrayList<>();
        san.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        san.add(new GeneralName(GeneralName.iPAddress, "::1"));
        for (String name : names) {
            boolean ip = isIpLiteral(name);
            if (!(ip && (name.equals("127.0.0.1") || name.equals("::1")))) {
                san.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, name));
            }
        }
        X509CertificateHolder holder = new JcaX509v3CertificateBuilder(
                subject, new BigInteger(1, serial),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)),
                subject, keyPair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(GeneralName[]::new)))
                .addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(keyPair.getPublic()))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
        certificate.verify(keyPair.getPublic());
        return certificate;
    }

    private static boolean isIpLiteral(String name) {
        try {
            InetAddress.ofLiteral(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
