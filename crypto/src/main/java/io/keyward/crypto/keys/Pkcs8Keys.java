package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.ec.EcPrivateKey;
import io.keyward.crypto.sig.Ed25519Signer;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Unencrypted PKCS#8 (RFC 5208/5958) for Ed25519 and X25519 (RFC 8410), EC on P-256, P-384 and
 * secp256k1 (RFC 5915 inside, namedCurve only) and RSA, as OpenSSL's {@code genpkey} writes them.
 * ML-KEM-768 and ML-DSA-65 PKCS#8 are not handled here: their private-key formats
 * (seed, expanded or both) are still being settled by LAMPS, and JDK 25 writes the expanded form.
 */
final class Pkcs8Keys {
    private Pkcs8Keys() {}

    static WorkingKey decodePem(KeyType type, String pem) {
        if (pem == null || pem.isBlank()) {
            throw new KeyImportException(type.id() + " PEM is empty");
        }
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                switch (object.getType()) {
                    case "PRIVATE KEY" -> {
                        return decode(type, object.getContent());
                    }
                    case "EC PARAMETERS" -> {
                        // openssl ecparam -genkey writes these first; the key names its curve anyway.
                    }
                    case "ENCRYPTED PRIVATE KEY" -> throw new KeyImportException(
                            "encrypted PKCS#8 is not accepted here: decrypt it first (openssl pkcs8)");
                    default -> throw new KeyImportException("expected an unencrypted PKCS#8 key (BEGIN PRIVATE KEY), found \""
                            + object.getType().replaceAll("[^A-Z0-9 ]", "?") + "\"");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CryptoException c) {
                throw c;
            }
            throw new KeyImportException(type.id() + " PEM is malformed (bad base64 or armor)");
        }
        throw new KeyImportException("no PEM private key found (expected -----BEGIN PRIVATE KEY-----)");
    }

    static WorkingKey decode(KeyType type, byte[] der) {
        if (type.isSymmetric()) {
            throw new UnsupportedOperationForKeyException(type, "PKCS#8 import (use raw or JWK)");
        }
        if (type == KeyType.ML_KEM_768 || type == KeyType.ML_DSA_65) {
            throw new UnsupportedOperationForKeyException(type, "PKCS#8 import");
        }
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (info == null) {
                throw new KeyImportException(type.id() + " private key is not PKCS#8");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyImportException k) {
                throw k;
            }
            throw new KeyImportException(type.id() + " private key is not DER PKCS#8");
        }
        String found = KeyOids.describe(info.getPrivateKeyAlgorithm());
        if (!found.equals(KeyOids.expected(type))) {
            throw new KeyTypeMismatchException(type, found);
        }
        try {
            return switch (type.family()) {
                case EDDSA -> {
                    byte[] seed = curve25519Key(info, type);
                    try {
                        WorkingKey key = WorkingKey.ofEd25519(Ed25519Signer.fromPrivateKey(seed));
                        checkEmbeddedPublic(info, key.publicKey().raw(), type);
                        yield key;
                    } finally {
                        Bytes.zeroize(seed);
                    }
                }
                case KEY_AGREEMENT -> {
                    if (type == KeyType.X25519) {
                        WorkingKey key = WorkingKey.ofX25519(curve25519Key(info, type));
                        checkEmbeddedPublic(info, key.publicKey().raw(), type);
                        yield key;
                    }
                    yield ecKey(type, info);
                }
                case ECDSA -> ecKey(type, info);
                case RSA -> {
                    RSAPrivateCrtKey rsa = rsaKey(der);
                    if (rsa.getModulus().bitLength() != type.size()) {
                        throw new KeyTypeMismatchException(type, "a " + rsa.getModulus().bitLength() + "-bit RSA key");
                    }
                    RsaKeys.checkConsistent(rsa);
                    yield WorkingKey.ofRsa(type, rsa);
                }
                default -> throw new UnsupportedOperationForKeyException(type, "PKCS#8 import");
            };
        } catch (CryptoException e) {
            if (e instanceof KeyImportException || e instanceof UnsupportedOperationForKeyException) {
                throw e;
            }
            throw new KeyImportException(type.id() + " private key: " + e.getMessage());
        } catch (RuntimeException e) {
            // BouncyCastle's lazy ASN.1 accessors throw assorted runtime exceptions on malformed input.
            throw new KeyImportException(type.id() + " private key is malformed");
        }
    }

    static byte[] encode(WorkingKey key) {
        KeyType type = key.type();
        try {
            return switch (type.family()) {
                case EDDSA -> {
                    byte[] seed = key.ed25519().privateKey();
                    try {
                        yield new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), new DEROctetString(seed))
                                .getEncoded(ASN1Encoding.DER);
                    } finally {
                        Bytes.zeroize(seed);
                    }
                }
                case KEY_AGREEMENT, ECDSA -> {
                    if (type == KeyType.X25519) {
                        byte[] secret = key.secretCopy();
                        try {
                            yield new PrivateKeyInfo(new AlgorithmIdentifier(EdECObjectIdentifiers.id_X25519), new DEROctetString(secret))
                                    .getEncoded(ASN1Encoding.DER);
                        } finally {
                            Bytes.zeroize(secret);
                        }
                    }
                    EcPrivateKey ec = key.ec();
                    EcCurve curve = ec.curve();
                    var inner = new org.bouncycastle.asn1.sec.ECPrivateKey(curve.order().bitLength(), ec.scalar(),
                            new DERBitString(key.publicKey().raw()), null);
                    yield new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve.oid()), inner)
                            .getEncoded(ASN1Encoding.DER);
                }
                case RSA -> key.rsa().getEncoded();
                default -> throw new UnsupportedOperationForKeyException(type, "PKCS#8 export");
            };
        } catch (IOException e) {
            throw new CryptoException(type.id() + " private key could not be encoded");
        }
    }

    private static byte[] curve25519Key(PrivateKeyInfo info, KeyType type) {
        byte[] key;
        try {
            key = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
        } catch (IOException | RuntimeException e) {
            throw new KeyImportException(type.id() + " private key is malformed (expected CurvePrivateKey OCTET STRING)");
        }
        if (key.length != 32) {
            throw new KeyImportException(type.id() + " private key must be 32 bytes");
        }
        return key;
    }

    /** RFC 5958 OneAsymmetricKey may carry the public key; if it does, it must be this key's. */
    private static void checkEmbeddedPublic(PrivateKeyInfo info, byte[] derived, KeyType type) {
        if (info.getPublicKeyData() != null && !Arrays.equals(info.getPublicKeyData().getOctets(), derived)) {
            throw new KeyImportException(type.id() + " private key does not match its embedded public key");
        }
    }

    private static WorkingKey ecKey(KeyType type, PrivateKeyInfo info) {
        EcCurve curve = PublicWorkingKey.curveOf(type);
        org.bouncycastle.asn1.sec.ECPrivateKey inner;
        try {
            inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        } catch (IOException | RuntimeException e) {
            throw new KeyImportException(type.id() + " private key is malformed (expected RFC 5915 ECPrivateKey)");
        }
        BigInteger d = inner.getKey();
        if (d.signum() <= 0 || d.bitLength() > curve.fieldLength() * 8) {
            throw new KeyImportException(type.id() + " private key is out of range");
        }
        byte[] scalar = BigIntegers.asUnsignedByteArray(curve.fieldLength(), d);
        try {
            WorkingKey key = WorkingKey.ofEc(type, EcPrivateKey.fromScalar(curve, scalar));
            DERBitString embedded = (DERBitString) inner.getPublicKey();
            if (embedded != null && !Arrays.equals(embedded.getOctets(), key.publicKey().raw())) {
                throw new KeyImportException(type.id() + " private key does not match its embedded public key");
            }
            return key;
        } catch (ClassCastException e) {
            throw new KeyImportException(type.id() + " private key has a malformed public key field");
        } finally {
            Bytes.zeroize(scalar);
        }
    }

    private static RSAPrivateCrtKey rsaKey(byte[] der) {
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey crt) {
                return crt;
            }
            throw new KeyImportException("RSA private key lacks its CRT components");
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof KeyImportException k) {
                throw k;
            }
            throw new KeyImportException("RSA private key was refused by the JDK provider");
        }
    }
}
