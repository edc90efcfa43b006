package io.keyward.crypto.opaque;

/**
 * The client's last login step: KE3 to send, the session key shared with the server, the
 * export_key (the same at every login with this registration) and the server public key that
 * was authenticated.
 */
public record ClientLoginResult(KE3 ke3, byte[] sessionKey, byte[] exportKey, byte[] serverPublicKey) {
    @Override
    public byte[] sessionKey() {
        return sessionKey.clone();
    }

    @Override
    public byte[] exportKey() {
        return exportKey.clone();
    }

    @Override
    public byte[] serverPublicKey() {
        return serverPublicKey.clone();
    }

    @Override
    public String toString() {
        return "ClientLoginResult[<redacted>]";
    }
}
