package io.keyward.crypto.ssss;

import io.keyward.crypto.util.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The {@code passphrase} of a Matrix secret-storage key description: {@code m.pbkdf2}, i.e.
 * PBKDF2-HMAC-SHA512 over the UTF-8 passphrase with the UTF-8 bytes of {@code salt} (a string, as
 * the spec has it), {@code iterations} rounds and {@code bits} of output.
 *
 * @param algorithm always {@value #PBKDF2}
 * @param salt the salt string exactly as stored in the key description
 * @param iterations PBKDF2 rounds, 1 to {@value #MAX_ITERATIONS}
 * @param bits output length; only 256 (a secret-storage key) is supported
 */
public record PassphraseInfo(String algorithm, String salt, int iterations, int bits) {
    public static final String PBKDF2 = "m.pbkdf2";
    /** Refuses descriptions that would make derivation run for hours (matrix-js-sdk uses 500,000). */
    public static final int MAX_ITERATIONS = 10_000_000;
    /** What new descriptions use, as matrix-js-sdk does. */
    public static final int DEFAULT_ITERATIONS = 500_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SALT_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public PassphraseInfo {
        if (!PBKDF2.equals(algorithm)) {
            throw new SsssException("unsupported passphrase algorithm (expected " + PBKDF2 + ")");
        }
        if (salt == null || salt.isEmpty()) {
            throw new SsssException("passphrase salt is missing");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new SsssException("passphrase iterations must be between 1 and " + MAX_ITERATIONS + ", got " + iterations);
        }
        if (bits != 8 * SecretStorageKey.LENGTH) {
            throw new SsssException("passphrase bits must be " + 8 * SecretStorageKey.LENGTH + ", got " + bits);
        }
    }

    /** {@code m.pbkdf2} with the given salt and iterations, 256 bits. */
    public static PassphraseInfo pbkdf2(String salt, int iterations) {
        return new PassphraseInfo(PBKDF2, salt, iterations, 8 * SecretStorageKey.LENGTH);
    }

    /** New parameters with a random 32-character alphanumeric salt, as matrix-js-sdk makes them. */
    public static PassphraseInfo generate(int iterations) {
        StringBuilder salt = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            salt.append(SALT_ALPHABET.charAt(RANDOM.nextInt(SALT_ALPHABET.length())));
        }
        return pbkdf2(salt.toString(), iterations);
    }

    /** Runs PBKDF2; the caller owns (and should zeroize) both the passphrase and the result. */
    public byte[] deriveKey(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new SsssException("passphrase is empty");
        }
        byte[] password = utf8(passphrase);
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
            generator.init(password, salt.getBytes(StandardCharsets.UTF_8), iterations);
            return ((KeyParameter) generator.generateDerivedParameters(bits)).getKey();
        } finally {
            Bytes.zeroize(password);
        }
    }

    private static byte[] utf8(char[] chars) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(chars));
            byte[] out = new byte[encoded.remaining()];
            encoded.get(out);
            if (encoded.hasArray()) {
                Bytes.zeroize(encoded.array());
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new SsssException("passphrase is not valid Unicode text");
        }
    }
}
