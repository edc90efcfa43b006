package io.keyward.crypto.pem;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.rsa.UnsuitableKeyException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads keys from the PEM files OpenSSL writes and writes public keys back the way OpenSSL does.
 *
 * <p>Public keys: SPKI ({@code BEGIN PUBLIC KEY}) and PKCS#1 ({@code BEGIN RSA PUBLIC KEY}).
 * Private keys: PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE KEY}),
 * passphrase-encrypted PKCS#8 ({@code BEGIN ENCRYPTED PRIVATE KEY}, what OpenSSL 3
 * {@code genrsa -aes256} writes) and the legacy OpenSSL encryption ({@code Proc-Type: 4,ENCRYPTED}
 * with {@code DEK-Info}, from {@code genrsa -aes256 -traditional}).
 *
 * <p>Passphrases are {@code char[]} and are overwritten with zeros before the call returns,
 * whatever the outcome. Every failure is a {@link PemException} (or {@link UnsuitableKeyException}
 * for a well-formed key of the wrong type) with a one-line message that never includes key bytes.
 */
public final class PemKeys {
    /** BouncyCastle as a provider object for the PBE ciphers only; never registered globally. */
    private static final Provider BC = new BouncyCastleProvider();
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");
    private static final Base64.Encoder PEM_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private static final char[] PLACEHOLDER = {'x'};

    private PemKeys() {}

    /** An SPKI or PKCS#1 public key of any algorithm the JDK knows. */
    public static PublicKey readPublicKey(String pem) {
        Object object = parse(pem);
        if (object instanceof SubjectPublicKeyInfo spki) {
            try {
                return new JcaPEMKeyConverter().getPublicKey(spki);
            } catch (IOException | RuntimeException e) {
                throw new PemException("the public key in the PEM file is malformed or of an unknown type");
            }
        }
        throw new PemException("expected a public key, found " + describe(pem, object));
    }

    /** An RSA public key (SPKI or PKCS#1); any other key type is an {@link UnsuitableKeyException}. */
    public static RSAPublicKey readRsaPublicKey(String pem) {
        return requireRsa(readPublicKey(pem));
    }

    /** True if {@code pem} holds an encrypted private key (either form), so a passphrase must be asked for. */
    public static boolean isEncryptedPrivateKey(String pem) {
        Object object = parse(pem);
        return object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair;
    }

    /**
     * A private key, decrypting it with {@code passphrase} if it is encrypted. The passphrase may be
     * null for a plain key; it is zeroed before returning.
     */
    public static PrivateKey readPrivateKey(String pem, char[] passphrase) {
        try {
            Object object = parse(pem);
            PrivateKeyInfo info = switch (object) {
                case PrivateKeyInfo plain -> plain;
                case PEMKeyPair pair -> pair.getPrivateKeyInfo();
                case PKCS8EncryptedPrivateKeyInfo encrypted -> decryptPkcs8(encrypted, passphrase);
                case PEMEncryptedKeyPair encrypted -> decryptLegacy(encrypted, passphrase);
                default -> throw new PemException("expected a private key, found " + describe(pem, object));
            };
            try {
                return new JcaPEMKeyConverter().getPrivateKey(info);
            } catch (IOException | RuntimeException e) {
                throw new PemException("the private key in the PEM file is malformed or of an unknown type");
            }
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** An RSA private key in any of the forms above; any other key type is an {@link UnsuitableKeyException}. */
    public static RSAPrivateCrtKey readRsaPrivateKey(String pem, char[] passphrase) {
        PrivateKey key = readPrivateKey(pem, passphrase);
        if (!"RSA".equals(key.getAlgorithm()) || !(key instanceof RSAPrivateCrtKey rsa)) {
            throw new UnsuitableKeyException("expected an RSA private key, found " + key.getAlgorithm());
        }
        checkConsistent(rsa);
        return rsa;
    }

    /**
     * Checks that the CRT components agree with each other. A corrupted key file (or a block of
     * ciphertext changed in an encrypted one, which CBC decrypts to garbage without a padding error)
     * can still parse as DER; using such a key would fail later, far from the cause.
     */
    private static void checkConsistent(RSAPrivateCrtKey key) {
        BigInteger p = key.getPrimeP();
        BigInteger q = key.getPrimeQ();
        BigInteger d = key.getPrivateExponent();
        BigInteger e = key.getPublicExponent();
        boolean consistent = p != null && q != null && e != null && p.signum() > 0 && q.signum() > 0
                && p.multiply(q).equals(key.getModulus())
                && d.mod(p.subtract(BigInteger.ONE)).equals(key.getPrimeExponentP())
                && d.mod(q.subtract(BigInteger.ONE)).equals(key.getPrimeExponentQ())
                && e.multiply(key.getPrimeExponentP()).mod(p.subtract(BigInteger.ONE)).equals(BigInteger.ONE)
                && e.multiply(key.getPrimeExponentQ()).mod(q.subtract(BigInteger.ONE)).equals(BigInteger.ONE)
                && key.getCrtCoefficient().multiply(q).mod(p).equals(BigInteger.ONE);
        if (!consistent) {
            throw new PemException("the RSA private key is corrupted: its components do not match");
        }
    }

    /** Reads an SPKI DER public key and requires RSA. */
    public static RSAPublicKey readRsaPublicKeyDer(byte[] spkiDer) {
        PublicKey key;
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(spkiDer);
            if (spki == null || !Arrays.equals(spki.getEncoded("DER"), spkiDer)) {
                throw new PemException("the public key is not canonical DER SubjectPublicKeyInfo");
            }
            key = new JcaPEMKeyConverter().getPublicKey(spki);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CryptoException ce) {
                throw ce;
            }
            throw new PemException("the public key is not valid DER SubjectPublicKeyInfo");
        }
        return requireRsa(key);
    }

    /** The public half of an RSA private key, as the JDK's standard RSA public key. */
    public static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("RSA is unavailable: " + e.getClass().getSimpleName());
        }
    }

    /** The SPKI DER encoding ({@code openssl rsa -pubout -outform DER}). */
    public static byte[] publicKeyDer(PublicKey key) {
        byte[] der = key.getEncoded();
        if (der == null || !"X.509".equals(key.getFormat())) {
            throw new CryptoException("the public key has no SubjectPublicKeyInfo encoding");
        }
        // Normalise through the JDK so the bytes are what OpenSSL writes (NULL parameters for RSA).
        try {
            return KeyFactory.getInstance(key.getAlgorithm())
                    .generatePublic(new X509EncodedKeySpec(der)).getEncoded();
        } catch (GeneralSecurityException e) {
            return der;
        }
    }

    /** SPKI PEM exactly as {@code openssl rsa -pubout} writes it: 64-character lines, LF endings. */
    public static String publicKeyPem(PublicKey key) {
        return armor("PUBLIC KEY", publicKeyDer(key));
    }

    /** PEM armor with OpenSSL's layout: BEGIN line, base64 in 64-character lines, END line, each ending in LF. */
    public static String armor(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + PEM_BASE64.encodeToString(der) + "\n"
                + "-----END " + label + "-----\n";
    }

    private static PrivateKeyInfo decryptPkcs8(PKCS8EncryptedPrivateKeyInfo encrypted, char[] passphrase) {
        if (passphrase == null) {
            throw new PassphraseRequiredException();
        }
        InputDecryptorProvider decryptor;
        try {
            // Resolve the cipher with a placeholder first, so an unsupported algorithm is not
            // reported as a wrong passphrase (and an empty passphrase not as unsupported).
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(PLACEHOLDER.clone())
                    .get(encrypted.getEncryptionAlgorithm());
            decryptor = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(passphrase);
        } catch (OperatorCreationException | RuntimeException e) {
            throw new PemException("the private key is encrypted with an unsupported algorithm ("
                    + algorithmName(encrypted.getEncryptionAlgorithm().getAlgorithm()) + ")");
        }
        try {
            PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(decryptor);
            info.getPrivateKeyAlgorithm(); // forces the structure to parse
            return info;
        } catch (Exception e) {
            throw new WrongPassphraseException();
        }
    }

    private static PrivateKeyInfo decryptLegacy(PEMEncryptedKeyPair encrypted, char[] passphrase) {
        if (passphrase == null) {
            throw new PassphraseRequiredException();
        }
        PEMDecryptorProvider decryptor = new JcePEMDecryptorProviderBuilder().setProvider(BC).build(passphrase);
        try {
            new JcePEMDecryptorProviderBuilder().setProvider(BC).build(PLACEHOLDER.clone())
                    .get(encrypted.getDekAlgName());
        } catch (OperatorCreationException | RuntimeException e) {
            throw new PemException("the private key is encrypted with an unsupported algorithm ("
                    + sanitize(encrypted.getDekAlgName()) + ")");
        }
        try {
            PEMKeyPair pair = encrypted.decryptKeyPair(decryptor);
            PrivateKeyInfo info = pair.getPrivateKeyInfo();
            if (info == null) {
                throw new WrongPassphraseException();
            }
            return info;
        } catch (Exception e) {
            throw new WrongPassphraseException();
        }
    }

    /** The first key object in the PEM text, skipping OpenSSL's {@code EC PARAMETERS} block. */
    private static Object parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new PemException("the PEM file is empty");
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); ; object = parser.readObject()) {
                if (object == null) {
                    throw new PemException("no PEM key found (expected -----BEGIN ... KEY-----)");
                }
                if (!(object instanceof ASN1ObjectIdentifier)) {
                    return object;
                }
            }
        } catch (PemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PemException("the PEM file is malformed (bad base64, headers or DER structure)");
        }
    }

    private static RSAPublicKey requireRsa(PublicKey key) {
        if (!"RSA".equals(key.getAlgorithm()) || !(key instanceof RSAPublicKey rsa)) {
            throw new UnsuitableKeyException("expected an RSA public key, found " + key.getAlgorithm());
        }
        return rsa;
    }

    private static String describe(String pem, Object object) {
        Matcher m = BEGIN.matcher(pem);
        String label = null;
        while (m.find()) {
            if (!m.group(1).equals("EC PARAMETERS")) {
                label = m.group(1);
                break;
            }
        }
        if (object instanceof PrivateKeyInfo || object instanceof PEMKeyPair
                || object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
            return "a private key" + (label == null ? "" : " (" + label + ")");
        }
        if (object instanceof SubjectPublicKeyInfo) {
            return "a public key" + (label == null ? "" : " (" + label + ")");
        }
        return label == null ? "another kind of PEM object" : "\"" + label + "\"";
    }

    private static String algorithmName(ASN1ObjectIdentifier oid) {
        return oid.getId();
    }

    private static String sanitize(String text) {
        return text == null ? "unknown" : text.replaceAll("[^A-Za-z0-9_.,-]", "?");
    }
}
