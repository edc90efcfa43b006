package io.keyward.protocol.keystore;

/**
 * {@code POST /v1/keystores/{ks}/keys/import}: {@code format} is {@code pkcs8} (base64url DER),
 * {@code pkcs8-pem} (PEM text), {@code jwk} (the JWK JSON text) or {@code raw} (base64url symmetric key).
 * The key must be of the declared {@code type}.
 */
public record ImportKeyRequest(String type, String format, String key, String keyId) {
    @Override
    public String toString() {
        return "ImportKeyRequest[type=" + type + ", format=" + format + ", keyId=" + keyId + "]";
    }
}
