package io.keyward.server.keystore;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.hpke.HpkeException;
import io.keyward.crypto.keys.KeyImportException;
import io.keyward.crypto.keys.KeyMismatchException;
import io.keyward.crypto.keys.KeyTypeMismatchException;
import io.keyward.crypto.keys.MalformedKeyDataException;
import io.keyward.crypto.keys.UnknownKeyTypeException;
import io.keyward.crypto.keys.UnsupportedOperationForKeyException;
import io.keyward.crypto.keys.jwk.MalformedJwkException;
import io.keyward.crypto.sig.InvalidSignatureException;
import io.keyward.protocol.ErrorCodes;
import io.keyward.server.http.ApiException;

/** Turns the crypto core's typed refusals into problems; the crypto messages name no secret. */
final class CryptoErrors {
    private CryptoErrors() {}

    static ApiException of(CryptoException e, KeyAction action) {
        return switch (e) {
            case InvalidSignatureException s -> new ApiException(400, ErrorCodes.SIGNATURE_INVALID, "the signature does not verify");
            case AuthenticationFailedException a when action == KeyAction.VERIFY_MAC ->
                    new ApiException(400, ErrorCodes.MAC_INVALID, "the MAC does not verify");
            case AuthenticationFailedException a -> new ApiException(400, ErrorCodes.DECRYPTION_FAILED,
                    "the value does not decrypt under this key (tampered, other key, or other associated data)");
            case HpkeException h -> new ApiException(400, ErrorCodes.DECRYPTION_FAILED, "the wrapped key does not unwrap");
            case UnsupportedOperationForKeyException u -> new ApiException(400, ErrorCodes.OPERATION_NOT_SUPPORTED, u.getMessage());
            case UnknownKeyTypeException u -> new ApiException(400, ErrorCodes.KEY_TYPE_UNKNOWN, u.getMessage());
            case MalformedJwkException j -> new ApiException(400, ErrorCodes.JWK_INVALID, j.getMessage());
            case KeyTypeMismatchException t -> new ApiException(400, ErrorCodes.KEY_IMPORT_TYPE_MISMATCH, t.getMessage());
            case KeyImportException i -> new ApiException(400, ErrorCodes.KEY_IMPORT_INVALID, i.getMessage());
            case KeyMismatchException m -> new ApiException(400, ErrorCodes.KEY_MISMATCH, m.getMessage());
            case MalformedKeyDataException m -> new ApiException(400, ErrorCodes.CRYPTO_INPUT_INVALID, m.getMessage());
            default -> new ApiException(400, ErrorCodes.CRYPTO_INPUT_INVALID, e.getMessage());
        };
    }
}
