package io.keyward.crypto.keys.jwk;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.crypto.CryptoException;
import io.keyward.crypto.keys.KeyImportException;
import io.keyward.crypto.keys.KeyType;
import io.keyward.crypto.keys.KeyTypeMismatchException;
import io.keyward.crypto.keys.PublicWorkingKey;
import io.keyward.crypto.keys.UnsupportedOperationForKeyException;
import io.keyward.crypto.keys.WorkingKey;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.BigIntegers;

/**
 * JWK export and import for working keys.
 *
 * <p>Export: {@code kty}, {@code crv}, {@code x}, {@code y}, {@code n}, {@code e}, {@code kid}
 * (default: the RFC 7638 SHA-256 thumbprint), {@code alg} where the key has exactly one JOSE
 * algorithm (ES256, ES384, ES256K, EdDSA, ML-DSA-65, A256GCM, HS256) and {@code use} ("sig" for
 * signature keys, "enc" for X25519/P-256 wrapping keys; RSA keys serve both and carry neither).
 * ML-DSA-65 public keys use the "AKP" key type of RFC 9964 ({@code pub}). ML-KEM-768 keys have no
 * JWK form here (JOSE has not settled one): export them as SPKI.
 *
 * <p>Import is strict: the members the key type needs must be present, be strings, be unpadded
 * base64url and have the exact lengths RFC 7518 requires; {@code kty} and {@code crv} must match
 * the declared type ({@link KeyTypeMismatchException} otherwise); points must lie on the curve;
 * private members must agree with the public ones. Private RSA JWKs must carry all CRT members.
 */
public final class Jwk {
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> KNOWN_KTY = Set.of("EC", "OKP", "RSA", "oct", "AKP");
    private static final int MAX_JWK_CHARS = 64 * 1024;

    private Jwk() {}

    // ---- export -------------------------------------------------------------------------------

    /** The public JWK, with the RFC 7638 thumbprint as {@code kid}. */
    public static Map<String, Object> publicJwk(PublicWorkingKey key) {
        return publicJwk(key, thumbprint(key));
    }

    /** The public JWK with the given {@code kid} (none if null). */
    public static Map<String, Object> publicJwk(PublicWorkingKey key, String kid) {
        Map<String, Object> jwk = publicMembers(key);
        decorate(jwk, key.type(), kid);
        return jwk;
    }

    /** A private JWK (a deliberate export of key material). Not for ML-KEM-768 or ML-DSA-65. */
    public static Map<String, Object> privateJwk(WorkingKey key, String kid) {
        KeyType type = key.type();
        Map<String, Object> jwk;
        if (type.isSymmetric()) {
            byte[] secret = key.exportSecret();
            jwk = new LinkedHashMap<>();
            jwk.put("kty", "oct");
            jwk.put("k", Base64Url.encode(secret));
            Bytes.zeroize(secret);
        } else {
            jwk = publicMembers(key.publicKey());
            if (type == KeyType.ML_DSA_65) {
                throw new UnsupportedOperationForKeyException(type, "private JWK export");
            }
            byte[] pkcs8 = key.toPkcs8();
            try {
                privateMembers(type, pkcs8, jwk);
            } finally {
                Bytes.zeroize(pkcs8);
            }
        }
        decorate(jwk, type, kid);
        return jwk;
    }

    /** Compact JSON text of a JWK (or any member map). */
    public static String toJson(Map<String, Object> members) {
        try {
            return JSON.writeValueAsString(members);
        } catch (JsonProcessingException e) {
            throw new CryptoException("JWK could not be written");
        }
    }

    /** The RFC 7638 JWK thumbprint (SHA-256, base64url) of a public key. */
    public static String thumbprint(PublicWorkingKey key) {
        Map<String, Object> members = publicMembers(key);
        Set<String> required = switch ((String) members.get("kty")) {
            case "EC" -> Set.of("crv", "kty", "x", "y");
            case "OKP" -> Set.of("crv", "kty", "x");
            case "RSA" -> Set.of("e", "kty", "n");
            case "AKP" -> Set.of("alg", "kty", "pub");
            default -> throw new IllegalStateException();
        };
        StringBuilder canonical = new StringBuilder("{");
        new TreeMap<>(members).forEach((name, value) -> {
            if (required.contains(name)) {
                if (canonical.length() > 1) {
                    canonical.append(',');
                }
                // Every value here is a JWK name or base64url: nothing needs JSON escaping.
                canonical.append('"').append(name).append("\":\"").append(value).append('"');
            }
        });
        canonical.append('}');
        return Base64Url.encode(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    }

    // ---- import -------------------------------------------------------------------------------

    /** A public key from a JWK of the declared type (private members, if present, are ignored). */
    public static PublicWorkingKey importPublic(KeyType type, String json) {
        JsonNode jwk = parse(json);
        checkKty(type, jwk);
        return switch (type.family()) {
            case EDDSA, KEY_AGREEMENT, ECDSA -> PublicWorkingKey.fromRaw(type, publicPoint(type, jwk));
            case RSA -> {
                BigInteger n = unsigned(jwk, "n");
                BigInteger e = unsigned(jwk, "e");
                if (n.bitLength() != type.size()) {
                    throw new KeyTypeMismatchException(type, "a " + n.bitLength() + "-bit RSA JWK");
                }
                try {
                    yield PublicWorkingKey.fromRaw(type, new org.bouncycastle.asn1.pkcs.RSAPublicKey(n, e).getEncoded(ASN1Encoding.DER));
                } catch (IOException ex) {
                    throw new MalformedJwkException("RSA JWK could not be encoded");
                }
            }
            case ML_DSA -> PublicWorkingKey.fromRaw(type, bytes(jwk, "pub"));
            default -> throw new UnsupportedOperationForKeyException(type, "JWK public keys");
        };
    }

    /** A private (or secret) key from a JWK of the declared type. */
    public static WorkingKey importPrivate(KeyType type, String json) {
        JsonNode jwk = parse(json);
        checkKty(type, jwk);
        switch (type.family()) {
            case AEAD, MAC -> {
                byte[] k = bytes(jwk, "k");
                try {
                    return WorkingKey.importRaw(type, k);
                } finally {
                    Bytes.zeroize(k);
                }
            }
            case EDDSA, KEY_AGREEMENT, ECDSA -> {
                byte[] publicPoint = publicPoint(type, jwk);
                byte[] d = bytes(jwk, "d");
                byte[] pkcs8 = null;
                try {
                    pkcs8 = okpOrEcPkcs8(type, d, publicPoint);
                    WorkingKey key = WorkingKey.importPkcs8(type, pkcs8);
                    if (!Arrays.equals(key.publicKey().raw(), publicPoint)) {
                        throw new KeyImportException(type.id() + " JWK private key \"d\" does not match its public members");
                    }
                    return key;
                } finally {
                    Bytes.zeroize(d);
                    if (pkcs8 != null) {
                        Bytes.zeroize(pkcs8);
                    }
                }
            }
            case RSA -> {
                if (jwk.has("oth")) {
                    throw new MalformedJwkException("RSA JWK with more than two primes (\"oth\") is not supported");
                }
                BigInteger n = unsigned(jwk, "n");
                if (n.bitLength() != type.size()) {
                    throw new KeyTypeMismatchException(type, "a " + n.bitLength() + "-bit RSA JWK");
                }
                RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(n, unsigned(jwk, "e"), unsigned(jwk, "d"), unsigned(jwk, "p"),
                        unsigned(jwk, "q"), unsigned(jwk, "dp"), unsigned(jwk, "dq"), unsigned(jwk, "qi"));
                byte[] pkcs8;
                try {
                    pkcs8 = KeyFactory.getInstance("RSA").generatePrivate(spec).getEncoded();
                } catch (GeneralSecurityException | RuntimeException e) {
                    throw new KeyImportException("RSA JWK was refused by the JDK provider");
                }
                try {
                    return WorkingKey.importPkcs8(type, pkcs8);
                } finally {
                    Bytes.zeroize(pkcs8);
                }
            }
            default -> throw new UnsupportedOperationForKeyException(type, "private JWK import");
        }
    }

    // ---- internals ----------------------------------------------------------------------------

    private static Map<String, Object> publicMembers(PublicWorkingKey key) {
        KeyType type = key.type();
        byte[] raw = key.raw();
        Map<String, Object> jwk = new LinkedHashMap<>();
        switch (type) {
            case ED25519, X25519 -> {
                jwk.put("kty", "OKP");
                jwk.put("crv", type == KeyType.ED25519 ? "Ed25519" : "X25519");
                jwk.put("x", Base64Url.encode(raw));
            }
            case ECDSA_P256, ECDSA_P384, ECDSA_SECP256K1, ECDH_P256 -> {
                int width = (raw.length - 1) / 2;
                jwk.put("kty", "EC");
                jwk.put("crv", crv(type));
                jwk.put("x", Base64Url.encode(Arrays.copyOfRange(raw, 1, 1 + width)));
                jwk.put("y", Base64Url.encode(Arrays.copyOfRange(raw, 1 + width, raw.length)));
            }
            case RSA_2048, RSA_3072, RSA_4096 -> {
                var pkcs1 = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(raw);
                jwk.put("kty", "RSA");
                jwk.put("n", Base64Url.encode(BigIntegers.asUnsignedByteArray(pkcs1.getModulus())));
                jwk.put("e", Base64Url.encode(BigIntegers.asUnsignedByteArray(pkcs1.getPublicExponent())));
            }
            case ML_DSA_65 -> {
                jwk.put("kty", "AKP");
                jwk.put("alg", "ML-DSA-65");
                jwk.put("pub", Base64Url.encode(raw));
            }
            default -> throw new UnsupportedOperationForKeyException(type, "JWK export (no JOSE key form; export SPKI)");
        }
        return jwk;
    }

    private static void decorate(Map<String, Object> jwk, KeyType type, String kid) {
        if (kid != null) {
            jwk.put("kid", kid);
        }
        String alg = switch (type) {
            case ED25519 -> "EdDSA";
            case ECDSA_P256 -> "ES256";
            case ECDSA_P384 -> "ES384";
            case ECDSA_SECP256K1 -> "ES256K";
            case AES_256_GCM -> "A256GCM";
            case HMAC_SHA256 -> "HS256";
            default -> null;
        };
        if (alg != null) {
            jwk.put("alg", alg);
        }
        switch (type.family()) {
            case EDDSA, ECDSA, ML_DSA -> jwk.put("use", "sig");
            case KEY_AGREEMENT -> jwk.put("use", "enc");
            default -> { }
        }
    }

    private static void privateMembers(KeyType type, byte[] pkcs8, Map<String, Object> jwk) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
            switch (type.family()) {
                case EDDSA -> jwk.put("d", Base64Url.encode(ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets()));
                case KEY_AGREEMENT, ECDSA -> {
                    if (type == KeyType.X25519) {
                        jwk.put("d", Base64Url.encode(ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets()));
                    } else {
                        BigInteger d = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey()).getKey();
                        int width = Base64Url.decode((String) jwk.get("x"), "x").length;
                        jwk.put("d", Base64Url.encode(BigIntegers.asUnsignedByteArray(width, d)));
                    }
                }
                case RSA -> {
                    RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                    jwk.put("d", b64(rsa.getPrivateExponent()));
                    jwk.put("p", b64(rsa.getPrimeP()));
                    jwk.put("q", b64(rsa.getPrimeQ()));
                    jwk.put("dp", b64(rsa.getPrimeExponentP()));
                    jwk.put("dq", b64(rsa.getPrimeExponentQ()));
                    jwk.put("qi", b64(rsa.getCrtCoefficient()));
                }
                default -> throw new UnsupportedOperationForKeyException(type, "private JWK export");
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new CryptoException(type.id() + " private key could not be exported as JWK");
        }
    }

    private static byte[] okpOrEcPkcs8(KeyType type, byte[] d, byte[] publicPoint) {
        try {
            if (type == KeyType.ED25519 || type == KeyType.X25519) {
                if (d.length != 32) {
                    throw new MalformedJwkException("JWK member \"d\" must be 32 bytes for " + type.id());
                }
                ASN1ObjectIdentifier oid = type == KeyType.ED25519 ? EdECObjectIdentifiers.id_Ed25519 : EdECObjectIdentifiers.id_X25519;
                return new PrivateKeyInfo(new AlgorithmIdentifier(oid), new DEROctetString(d)).getEncoded(ASN1Encoding.DER);
            }
            int width = (publicPoint.length - 1) / 2;
            if (d.length != width) {
                throw new MalformedJwkException("JWK member \"d\" must be " + width + " bytes for " + crv(type));
            }
            var inner = new org.bouncycastle.asn1.sec.ECPrivateKey(width * 8, new BigInteger(1, d), new DERBitString(publicPoint), null);
            return new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curveOid(type)), inner)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new MalformedJwkException(type.id() + " JWK could not be encoded");
        }
    }

    /** The raw public key of an OKP or EC JWK: x, or 04 || x || y with exact coordinate lengths. */
    private static byte[] publicPoint(KeyType type, JsonNode jwk) {
        if (type == KeyType.ED25519 || type == KeyType.X25519) {
            byte[] x = bytes(jwk, "x");
            if (x.length != 32) {
                throw new MalformedJwkException("JWK member \"x\" must be 32 bytes for " + type.id());
            }
            return x;
        }
        int width = type == KeyType.ECDSA_P384 ? 48 : 32;
        byte[] x = bytes(jwk, "x");
        byte[] y = bytes(jwk, "y");
        if (x.length != width || y.length != width) {
            throw new MalformedJwkException("JWK members \"x\" and \"y\" must be " + width + " bytes each for " + crv(type));
        }
        return Bytes.concat(new byte[] {4}, x, y);
    }

    private static void checkKty(KeyType type, JsonNode jwk) {
        String kty = string(jwk, "kty");
        if (!KNOWN_KTY.contains(kty)) {
            throw new MalformedJwkException("unknown JWK kty \"" + sanitize(kty) + "\"");
        }
        String expected = switch (type.family()) {
            case AEAD, MAC -> "oct";
            case EDDSA -> "OKP";
            case KEY_AGREEMENT -> type == KeyType.X25519 ? "OKP" : "EC";
            case ECDSA -> "EC";
            case RSA -> "RSA";
            case ML_DSA -> "AKP";
            case KEM -> throw new UnsupportedOperationForKeyException(type, "JWK import (no JOSE key form; use SPKI)");
        };
        if (!expected.equals(kty)) {
            throw new KeyTypeMismatchException(type, "a JWK of kty " + kty);
        }
        switch (kty) {
            case "OKP", "EC" -> {
                String crv = string(jwk, "crv");
                String want = type == KeyType.ED25519 ? "Ed25519" : type == KeyType.X25519 ? "X25519" : crv(type);
                if (!want.equals(crv)) {
                    throw new KeyTypeMismatchException(type, "a JWK on curve " + sanitize(crv));
                }
            }
            case "AKP" -> {
                String alg = string(jwk, "alg");
                if (!"ML-DSA-65".equals(alg)) {
                    throw new KeyTypeMismatchException(type, "an AKP JWK for " + sanitize(alg));
                }
            }
            default -> { }
        }
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedJwkException("JWK is empty");
        }
        if (json.length() > MAX_JWK_CHARS) {
            throw new MalformedJwkException("JWK is too large");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedJwkException("JWK is not valid JSON (or repeats a member)");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedJwkException("JWK must be a JSON object");
        }
        return node;
    }

    private static String string(JsonNode jwk, String member) {
        JsonNode value = jwk.get(member);
        if (value == null || value.isNull()) {
            throw new MalformedJwkException("JWK member \"" + member + "\" is missing");
        }
        if (!value.isTextual()) {
            throw new MalformedJwkException("JWK member \"" + member + "\" must be a string");
        }
        return value.asText();
    }

    private static byte[] bytes(JsonNode jwk, String member) {
        String text = string(jwk, member);
        try {
            byte[] bytes = Base64Url.decode(text, "JWK member \"" + member + "\"");
            if (bytes.length == 0) {
                throw new MalformedJwkException("JWK member \"" + member + "\" is empty");
            }
            return bytes;
        } catch (MalformedJwkException e) {
            throw e;
        } catch (CryptoException e) {
            throw new MalformedJwkException(e.getMessage());
        }
    }

    private static BigInteger unsigned(JsonNode jwk, String member) {
        return new BigInteger(1, bytes(jwk, member));
    }

    private static String b64(BigInteger value) {
        return Base64Url.encode(BigIntegers.asUnsignedByteArray(value));
    }

    private static String crv(KeyType type) {
        return switch (type) {
            case ECDSA_P256, ECDH_P256 -> "P-256";
            case ECDSA_P384 -> "P-384";
            case ECDSA_SECP256K1 -> "secp256k1";
            default -> throw new IllegalArgumentException(type.id());
        };
    }

    private static ASN1ObjectIdentifier curveOid(KeyType type) {
        return switch (type) {
            case ECDSA_P256, ECDH_P256 -> SECObjectIdentifiers.secp256r1;
            case ECDSA_P384 -> SECObjectIdentifiers.secp384r1;
            case ECDSA_SECP256K1 -> SECObjectIdentifiers.secp256k1;
            default -> throw new IllegalArgumentException(type.id());
        };
    }

    private static String sanitize(String text) {
        String cut = text.length() > 24 ? text.substring(0, 24) + "..." : text;
        return cut.replaceAll("[^A-Za-z0-9_.+-]", "?");
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("SHA-256 is unavailable");
        }
    }
}
