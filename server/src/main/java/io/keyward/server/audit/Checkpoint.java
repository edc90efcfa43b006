package io.keyward.server.audit;

import java.util.Objects;

/**
 * A signed statement that organization {@code org}'s chain had {@code seq} entries ending in
 * {@code headHash} at {@code time}. {@code headHash} and {@code signature} are unpadded base64url;
 * the signature is Ed25519 over {@link AuditChain#checkpointMessage}.
 */
public record Checkpoint(String org, long seq, String headHash, String time, String signature) {
    public Checkpoint {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(headHash, "headHash");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(signature, "signature");
    }
}
