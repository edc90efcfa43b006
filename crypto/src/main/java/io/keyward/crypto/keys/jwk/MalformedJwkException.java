package io.keyward.crypto.keys.jwk;

import io.keyward.crypto.keys.KeyImportException;

/** A JWK that is not well-formed: not a JSON object, a missing or mistyped member, bad base64url, a wrong length. */
public final class MalformedJwkException extends KeyImportException {
    public MalformedJwkException(String message) {
        super(message);
    }
}
