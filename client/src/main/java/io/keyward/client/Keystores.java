package io.keyward.client;

import io.keyward.protocol.keystore.CreateKeyRequest;
import io.keyward.protocol.keystore.CreateKeystoreRequest;
import io.keyward.protocol.keystore.GrantInfo;
import io.keyward.protocol.keystore.GrantList;
import io.keyward.protocol.keystore.GrantRequest;
import io.keyward.protocol.keystore.ImportKeyRequest;
import io.keyward.protocol.keystore.KeyInfo;
import io.keyward.protocol.keystore.KeyList;
import io.keyward.protocol.keystore.KeystoreInfo;
import io.keyward.protocol.keystore.KeystoreList;
import io.keyward.protocol.keystore.OperationRequest;
import io.keyward.protocol.keystore.OperationResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keystores API ({@code /v1/keystores}) over a logged-in {@link Session}: every call is one sealed
 * request. Refusals are {@link KeywardApiException}s carrying the server's {@code code}.
 */
public final class Keystores {
    private final Session session;

    public Keystores(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    public KeystoreInfo create() {
        return session.call("POST", "/v1/keystores", new CreateKeystoreRequest(null), KeystoreInfo.class);
    }

    public KeystoreList list() {
        return session.call("GET", "/v1/keystores", null, KeystoreList.class);
    }

    public KeystoreInfo get(String keystoreId) {
        return session.call("GET", ks(keystoreId), null, KeystoreInfo.class);
    }

    /** Deletes an empty keystore; with {@code force} also every key in it. */
    public void delete(String keystoreId, boolean force) {
        session.call("DELETE", ks(keystoreId) + (force ? "?force=true" : ""), null, Void.class);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> jwks(String keystoreId) {
        return session.call("GET", ks(keystoreId) + "/jwks", null, Map.class);
    }

    public GrantInfo grant(String keystoreId, String grantee, String keyIdOrNull, List<String> operations, Instant expiresAt) {
        return session.call("POST", ks(keystoreId) + "/grants", new GrantRequest(grantee, keyIdOrNull, operations, expiresAt),
                GrantInfo.class);
    }

    public GrantList grants(String keystoreId) {
        return session.call("GET", ks(keystoreId) + "/grants", null, GrantList.class);
    }

    public void revoke(String keystoreId, String grantId) {
        session.call("DELETE", ks(keystoreId) + "/grants/" + segment(grantId), null, Void.class);
    }

    /** A new key of {@code type} (a key type id such as {@code ed25519}); {@code keyIdOrNull} null lets the server name it. */
    public KeyInfo createKey(String keystoreId, String type, String keyIdOrNull) {
        return session.call("POST", ks(keystoreId) + "/keys", new CreateKeyRequest(type, keyIdOrNull), KeyInfo.class);
    }

    public KeyInfo importKey(String keystoreId, ImportKeyRequest request) {
        return session.call("POST", ks(keystoreId) + "/keys/import", request, KeyInfo.class);
    }

    public KeyList keys(String keystoreId) {
        return session.call("GET", ks(keystoreId) + "/keys", null, KeyList.class);
    }

    public KeyInfo key(String keystoreId, String keyId) {
        return session.call("GET", key(keystoreId, keyId, null), null, KeyInfo.class);
    }

    public void deleteKey(String keystoreId, String keyId) {
        session.call("DELETE", key(keystoreId, keyId, null), null, Void.class);
    }

    /** Any operation of {@code .../keys/{key}/{operation}}; the helpers below cover the common ones. */
    public OperationResponse operate(String keystoreId, String keyId, String operation, OperationRequest request) {
        return session.call("POST", key(keystoreId, keyId, operation), request, OperationResponse.class);
    }

    /** A {@code kw:v<n>:...} signature of {@code message}. */
    public String sign(String keystoreId, String keyId, byte[] message) {
        return operate(keystoreId, keyId, "sign", Requests.message(message)).signature();
    }

    /** Returns normally when the signature verifies; {@code signature_invalid} otherwise. */
    public void verify(String keystoreId, String keyId, byte[] message, String signature) {
        operate(keystoreId, keyId, "verify", Requests.verify(message, signature));
    }

    public String encrypt(String keystoreId, String keyId, byte[] plaintext, byte[] associatedDataOrNull) {
        return operate(keystoreId, keyId, "encrypt", Requests.encrypt(plaintext, associatedDataOrNull)).ciphertext();
    }

    public byte[] decrypt(String keystoreId, String keyId, String ciphertext, byte[] associatedDataOrNull) {
        return Requests.decode(operate(keystoreId, keyId, "decrypt", Requests.decrypt(ciphertext, associatedDataOrNull))
                .plaintext());
    }

    public KeyInfo rotate(String keystoreId, String keyId) {
        return operate(keystoreId, keyId, "rotate", null).keyInfo();
    }

    /** A {@code kw:v<n>:...} HMAC of {@code message}. */
    public String mac(String keystoreId, String keyId, byte[] message) {
        return operate(keystoreId, keyId, "mac", Requests.message(message)).mac();
    }

    /** Returns normally when the MAC verifies; {@code mac_invalid} otherwise. */
    public void verifyMac(String keystoreId, String keyId, byte[] message, String mac) {
        operate(keystoreId, keyId, "verify-mac", Requests.verifyMac(message, mac));
    }

    /** A content key wrapped for this key's own public key (HPKE base mode), as {@code kw:v<n>:...}. */
    public String wrap(String keystoreId, String keyId, byte[] contentKey, byte[] associatedDataOrNull) {
        return operate(keystoreId, keyId, "wrap", Requests.wrap(contentKey, associatedDataOrNull)).wrapped();
    }

    public byte[] unwrap(String keystoreId, String keyId, String wrapped, byte[] associatedDataOrNull) {
        return Requests.decode(operate(keystoreId, keyId, "unwrap", Requests.unwrap(wrapped, associatedDataOrNull)).key());
    }

    /** A new data key: {@code wrapped} always, {@code plaintext} (base64url) when asked for. */
    public OperationResponse generateDataKey(String keystoreId, String keyId, boolean includePlaintext,
            byte[] associatedDataOrNull) {
        return operate(keystoreId, keyId, "generate-data-key", Requests.dataKey(includePlaintext, associatedDataOrNull));
    }

    public KeyInfo disable(String keystoreId, String keyId) {
        return operate(keystoreId, keyId, "disable", null).keyInfo();
    }

    public KeyInfo enable(String keystoreId, String keyId) {
        return operate(keystoreId, keyId, "enable", null).keyInfo();
    }

    /** Retires every version below {@code version}: their outputs no longer decrypt or verify. */
    public KeyInfo setMinDecryptionVersion(String keystoreId, String keyId, int version) {
        return operate(keystoreId, keyId, "min-decryption-version", Requests.version(version)).keyInfo();
    }

    /** The public key as {@code raw} (base64url), {@code spki-pem} or {@code jwk} (in {@link OperationResponse#jwk()}). */
    public OperationResponse exportPublicKey(String keystoreId, String keyId, String format) {
        return operate(keystoreId, keyId, "export", Requests.export(format, null));
    }

    private static String ks(String keystoreId) {
        return "/v1/keystores/" + segment(keystoreId);
    }

    private static String key(String keystoreId, String keyId, String operationOrNull) {
        return ks(keystoreId) + "/keys/" + segment(keyId) + (operationOrNull == null ? "" : "/" + segment(operationOrNull));
    }

    private static String segment(String value) {
        Objects.requireNonNull(value, "path segment");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Builders of {@link OperationRequest}s for the usual operations (binary values base64url-encoded here). */
    public static final class Requests {
        private Requests() {}

        private static String b64(byte[] bytes) {
            return bytes == null ? null : io.keyward.crypto.util.Base64Url.encode(bytes);
        }

        static byte[] decode(String text) {
            return io.keyward.crypto.util.Base64Url.decode(text, "answer");
        }

        public static OperationRequest message(byte[] message) {
            return new OperationRequest(b64(message), null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);
        }

        public static OperationRequest verify(byte[] message, String signature) {
            return new OperationRequest(b64(message), signature, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }

        public static OperationRequest verifyMac(byte[] message, String mac) {
            return new OperationRequest(b64(message), null, mac, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null);
        }

        public static OperationRequest encrypt(byte[] plaintext, byte[] associatedData) {
            return new OperationRequest(null, null, null, b64(plaintext), null, b64(associatedData), null, null, null, null,
                    null, null, null, null, null, null, null);
        }

        public static OperationRequest decrypt(String ciphertext, byte[] associatedData) {
            return new OperationRequest(null, null, null, null, ciphertext, b64(associatedData), null, null, null, null, null,
                    null, null, null, null, null, null);
        }

        public static OperationRequest wrap(byte[] contentKey, byte[] associatedData) {
            return new OperationRequest(null, null, null, null, null, b64(associatedData), b64(contentKey), null, null, null,
                    null, null, null, null, null, null, null);
        }

        public static OperationRequest unwrap(String wrapped, byte[] associatedData) {
            return new OperationRequest(null, null, null, null, null, b64(associatedData), null, wrapped, null, null, null,
                    null, null, null, null, null, null);
        }

        public static OperationRequest dataKey(boolean includePlaintext, byte[] associatedData) {
            return new OperationRequest(null, null, null, null, null, b64(associatedData), null, null, null, null, null,
                    includePlaintext, null, null, null, null, null);
        }

        public static OperationRequest export(String format, Integer version) {
            return new OperationRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    format, version, null);
        }

        public static OperationRequest version(int version) {
            return export(null, version);
        }

        public static OperationRequest batch(List<OperationRequest> items) {
            return new OperationRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, items);
        }
    }
}
