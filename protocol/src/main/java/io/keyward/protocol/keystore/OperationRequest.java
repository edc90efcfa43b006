package io.keyward.protocol.keystore;

import java.util.List;

/**
 * The body of {@code POST /v1/keystores/{ks}/keys/{key}/{operation}}. Each operation reads the fields it
 * needs and refuses a missing one (docs/keystores.md lists them); binary fields are base64url, values made
 * by a key are {@code kw:v<n>:...}.
 *
 * @param message sign, verify, mac, verify-mac
 * @param signature verify ({@code kw:v<n>:...})
 * @param mac verify-mac ({@code kw:v<n>:...})
 * @param plaintext encrypt
 * @param ciphertext decrypt ({@code kw:v<n>:...})
 * @param associatedData encrypt, decrypt, wrap, unwrap, generate-data-key (optional)
 * @param key wrap: the content key to wrap
 * @param wrapped unwrap ({@code kw:v<n>:...})
 * @param recipientPublicKey wrap: another recipient's raw public key of the same type (absent: this key)
 * @param senderPublicKey unwrap: the sender's raw public key of an authenticated wrap
 * @param authenticated wrap: authenticate the wrap as coming from this key (needs a recipient)
 * @param includePlaintext generate-data-key: also answer the plaintext data key (default true)
 * @param ecdsaEncoding sign, verify: {@code der} (default) or {@code p1363}
 * @param rsaPadding sign, verify: {@code pss} (default) or {@code pkcs1}
 * @param format export: {@code raw}, {@code spki-pem} or {@code jwk}
 * @param version export, min-decryption-version: a key version
 * @param items batch-encrypt, batch-decrypt, batch-sign: one request per item
 */
public record OperationRequest(String message, String signature, String mac, String plaintext, String ciphertext,
                               String associatedData, String key, String wrapped, String recipientPublicKey,
                               String senderPublicKey, Boolean authenticated, Boolean includePlaintext,
                               String ecdsaEncoding, String rsaPadding, String format, Integer version,
                               List<OperationRequest> items) {
    /** An empty request, for operations that take no field. */
    public static OperationRequest empty() {
        return new OperationRequest(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    @Override
    public String toString() {
        return "OperationRequest[...]";
    }
}
