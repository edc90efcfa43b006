package io.keyward.protocol.keystore;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One version of a key: its raw public key (base64url; absent for symmetric types). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyVersionInfo(int version, String publicKey, Instant createdAt) {}
