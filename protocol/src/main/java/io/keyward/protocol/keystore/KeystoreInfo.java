package io.keyward.protocol.keystore;

import java.time.Instant;

/** One keystore as its controller (or a delegate) sees it. */
public record KeystoreInfo(String keystoreId, String controller, String lockMode, int keyCount, Instant createdAt) {}
