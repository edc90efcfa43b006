package io.keyward.protocol.keystore;

import java.time.Instant;
import java.util.List;

/** A key's metadata and, for asymmetric types, the public key of each live version. */
public record KeyInfo(String keystoreId, String keyId, String type, boolean enabled, int latestVersion,
                      int minDecryptionVersion, List<KeyVersionInfo> versions, Instant createdAt) {}
