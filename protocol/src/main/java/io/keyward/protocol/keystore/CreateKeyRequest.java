package io.keyward.protocol.keystore;

/**
 * {@code POST /v1/keystores/{ks}/keys}: a new key of {@code type} (a {@code KeyType} id such as
 * {@code ecdsa-p256}); {@code keyId} null lets the server choose one.
 */
public record CreateKeyRequest(String type, String keyId) {}
