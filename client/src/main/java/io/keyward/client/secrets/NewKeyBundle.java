package io.keyward.client.secrets;

/**
 * What {@link SecretStorage#newKeyBundle} made for a new account: the key bundle to send with the account's
 * completion, the default key's id, and its recovery key (Matrix encoding), which the user must be shown
 * once and keep.
 */
public record NewKeyBundle(byte[] keyBundle, String keyId, String recoveryKey) {
    @Override
    public String toString() {
        return "NewKeyBundle[" + keyId + ", recovery key redacted]";
    }
}
