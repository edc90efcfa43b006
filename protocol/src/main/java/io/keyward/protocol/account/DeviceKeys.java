package io.keyward.protocol.account;

/**
 * A device's public keys (base64url raw keys) and a name its user chose.
 *
 * @param x25519PublicKey 32 bytes
 * @param ed25519PublicKey 32 bytes
 */
public record DeviceKeys(String name, String x25519PublicKey, String ed25519PublicKey) {}
