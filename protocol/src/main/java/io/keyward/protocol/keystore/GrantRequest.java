package io.keyward.protocol.keystore;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /v1/keystores/{ks}/grants}: lets {@code grantee} (a user of the same org) do {@code operations}
 * (operation names such as {@code sign}, or {@code read}) on the keystore, or on one key when {@code keyId}
 * is set, until {@code expiresAt}.
 */
public record GrantRequest(String grantee, String keyId, List<String> operations, Instant expiresAt) {}
