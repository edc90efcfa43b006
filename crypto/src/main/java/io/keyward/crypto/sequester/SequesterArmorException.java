package io.keyward.crypto.sequester;

import io.keyward.crypto.CryptoException;

/** Base of the sequester armor failures; callers that need not tell them apart catch this. */
public sealed class SequesterArmorException extends CryptoException
        permits MalformedArmorException, WrongArmorAlgorithmException, SequesterDecryptionException,
                SequesterSignatureException {
    SequesterArmorException(String message) {
        super(message);
    }
}
