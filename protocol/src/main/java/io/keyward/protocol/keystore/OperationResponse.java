package io.keyward.protocol.keystore;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of a key operation; only the fields the operation produces are present.
 *
 * @param version the key version that did the operation
 * @param valid verify, verify-mac: true (a failed check is a 400 problem, not {@code false})
 * @param publicKey export: base64url raw or SPKI PEM text
 * @param jwk export with format {@code jwk}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationResponse(Integer version, String signature, String mac, String ciphertext, String plaintext,
                                String wrapped, String key, Boolean valid, String publicKey,
                                java.util.Map<String, Object> jwk, KeyInfo keyInfo, List<OperationResponse> items) {
    @Override
    public String toString() {
        return "OperationResponse[version=" + version + "]";
    }
}
