package io.keyward.crypto.keys.jwk;

import io.keyward.crypto.keys.PublicWorkingKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JWK Set document (RFC 7517 section 5): {@code {"keys":[...]}} of public keys, in insertion
 * order. Keys without a JWK form (ML-KEM-768) are refused when added, not silently dropped.
 */
public final class Jwks {
    private final List<Map<String, Object>> keys = new ArrayList<>();

    private Jwks() {}

    public static Jwks builder() {
        return new Jwks();
    }

    /** Adds a key with its RFC 7638 thumbprint as kid. */
    public Jwks add(PublicWorkingKey key) {
        keys.add(Jwk.publicJwk(key));
        return this;
    }

    /** Adds a key with the given kid (for instance "keystore/key/version"). */
    public Jwks add(PublicWorkingKey key, String kid) {
        keys.add(Jwk.publicJwk(key, kid));
        return this;
    }

    public Map<String, Object> toMap() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("keys", List.copyOf(keys));
        return document;
    }

    public String toJson() {
        return Jwk.toJson(toMap());
    }
}
