package io.keyward.protocol.account;

/**
 * {@code POST /v1/account/complete} (sealed, registration session): the client's key bundle wrapped
 * under its export_key-derived key, and its first device. All opaque to the server.
 *
 * @param keyBundle base64url, at most 64 KiB
 * @param device the first device's public keys
 */
public record CompleteAccountRequest(String keyBundle, DeviceKeys device) {}
