package io.keyward.crypto.opaque;

/** The client's last registration step: the record to upload and the export_key to keep. */
public record ClientRegistrationResult(RegistrationRecord record, byte[] exportKey) {
    @Override
    public byte[] exportKey() {
        return exportKey.clone();
    }

    @Override
    public String toString() {
        return "ClientRegistrationResult[exportKey=<redacted>]";
    }
}
