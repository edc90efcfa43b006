package io.keyward.protocol.keystore;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A delegation grant. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GrantInfo(String grantId, String keystoreId, String grantee, String keyId, List<String> operations,
                        Instant expiresAt, Instant createdAt) {}
