package io.keyward.server.account;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.opaque.InvalidMessageException;
import io.keyward.crypto.opaque.KE1;
import io.keyward.crypto.opaque.KE3;
import io.keyward.crypto.opaque.OpaqueSuite;
import io.keyward.crypto.opaque.RegistrationRecord;
import io.keyward.crypto.opaque.RegistrationRequest;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.ErrorCodes;
import io.keyward.server.http.ApiException;
import java.util.function.Function;

/**
 * Decodes the OPAQUE messages of a request, each failure its own 400: {@code invalid_base64} (not
 * canonical unpadded base64url), {@code invalid_length} (not the suite's length) and
 * {@code invalid_element} (a group element that does not decode, or the identity).
 */
final class OpaqueInput {
    private OpaqueInput() {}

    static byte[] base64(String value, String field) {
        if (value == null) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "field " + field + " is missing");
        }
        try {
            return Base64Url.decode(value, field);
        } catch (CryptoException e) {
            throw new ApiException(400, ErrorCodes.INVALID_BASE64, e.getMessage());
        }
    }

    static RegistrationRequest registrationRequest(OpaqueSuite suite, String value, String field) {
        return parse(base64(value, field), suite.elementLength(), field, b -> RegistrationRequest.deserialize(suite, b));
    }

    static RegistrationRecord registrationRecord(OpaqueSuite suite, String value, String field) {
        int length = suite.elementLength() + suite.hashLength() + suite.envelopeLength();
        return parse(base64(value, field), length, field, b -> RegistrationRecord.deserialize(suite, b));
    }

    static KE1 ke1(OpaqueSuite suite, String value, String field) {
        int length = suite.elementLength() + OpaqueSuite.NONCE_LENGTH + suite.elementLength();
        return parse(base64(value, field), length, field, b -> KE1.deserialize(suite, b));
    }

    static KE3 ke3(OpaqueSuite suite, String value, String field) {
        return parse(base64(value, field), suite.hashLength(), field, b -> KE3.deserialize(suite, b));
    }

    private static <T> T parse(byte[] bytes, int length, String field, Function<byte[], T> parser) {
        if (bytes.length != length) {
            throw new ApiException(400, ErrorCodes.INVALID_LENGTH, field + " must be " + length + " bytes, got " + bytes.length);
        }
        try {
            return parser.apply(bytes);
        } catch (InvalidMessageException e) {
            throw invalidElement(field);
        }
    }

    static ApiException invalidElement(String field) {
        return new ApiException(400, ErrorCodes.INVALID_ELEMENT, field + " holds an invalid or identity group element");
    }
}
