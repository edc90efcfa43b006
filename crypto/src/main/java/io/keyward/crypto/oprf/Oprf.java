package io.keyward.crypto.oprf;

import io.keyward.crypto.ec.Group;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The RFC 9497 OPRF in base mode (modeOPRF = 0x00): Blind, BlindEvaluate and Finalize (section
 * 3.3.1) and DeriveKeyPair (section 3.2.1), for one {@link OprfSuite}. Instances are immutable
 * and thread-safe.
 */
public final class Oprf {
    private static final int MODE_OPRF = 0x00;
    private static final byte[] FINALIZE = ascii("Finalize");

    private final OprfSuite suite;
    private final Group group;
    private final byte[] hashToGroupDst;
    private final byte[] deriveKeyPairDst;

    private Oprf(OprfSuite suite) {
        this.suite = suite;
        this.group = suite.group();
        byte[] context = suite.contextString(MODE_OPRF);
        this.hashToGroupDst = Bytes.concat(ascii("HashToGroup-"), context);
        this.deriveKeyPairDst = Bytes.concat(ascii("DeriveKeyPair"), context);
    }

    public static Oprf of(OprfSuite suite) {
        return new Oprf(suite);
    }

    public OprfSuite suite() {
        return suite;
    }

    public Group group() {
        return group;
    }

    /** Blind(input) with a fresh random blind. */
    public BlindedInput blind(byte[] input, SecureRandom random) {
        return blind(input, group.randomScalar(random));
    }

    /**
     * Blind(input) with the given blind. Only tests (published vectors) should choose the blind;
     * everyone else calls {@link #blind(byte[], SecureRandom)}.
     */
    public BlindedInput blind(byte[] input, Group.Scalar blind) {
        if (blind.isZero()) {
            throw new OprfException("OPRF blind must not be zero");
        }
        Group.Element inputElement = group.hashToGroup(input, hashToGroupDst);
        if (inputElement.isIdentity()) {
            throw new OprfException("OPRF input hashes to the identity element");
        }
        return new BlindedInput(blind, inputElement.multiply(blind));
    }

    /** BlindEvaluate(skS, blindedElement) = skS * blindedElement. */
    public Group.Element blindEvaluate(Group.Scalar privateKey, Group.Element blindedElement) {
        return blindedElement.multiply(privateKey);
    }

    /**
     * Finalize(input, blind, evaluatedElement): unblinds the server's answer and hashes it with the
     * input into the Nh-byte PRF output.
     */
    public byte[] finalizeOutput(byte[] input, Group.Scalar blind, Group.Element evaluatedElement) {
        Group.Element unblinded = evaluatedElement.multiply(blind.invert());
        return hashOutput(input, unblinded.serialize());
    }

    /** The PRF evaluated directly with the private key, without blinding (RFC 9497 Evaluate). */
    public byte[] evaluate(Group.Scalar privateKey, byte[] input) {
        Group.Element inputElement = group.hashToGroup(input, hashToGroupDst);
        if (inputElement.isIdentity()) {
            throw new OprfException("OPRF input hashes to the identity element");
        }
        return hashOutput(input, inputElement.multiply(privateKey).serialize());
    }

    /**
     * DeriveKeyPair(seed, info): a key pair derived deterministically from a secret seed and a
     * public info string, retrying with a counter in the negligible case of a zero scalar.
     */
    public OprfKeyPair deriveKeyPair(byte[] seed, byte[] info) {
        Group.Scalar sk = derivePrivateKey(seed, info);
        return new OprfKeyPair(sk, group.generator().multiply(sk));
    }

    /**
     * The private half of {@link #deriveKeyPair}, for callers that need only the key (OPAQUE's
     * per-user OPRF key): it saves the multiplication by the generator.
     */
    public Group.Scalar derivePrivateKey(byte[] seed, byte[] info) {
        if (info.length > 0xffff) {
            throw new OprfException("DeriveKeyPair info is longer than 65535 bytes");
        }
        byte[] deriveInput = Bytes.concat(seed, Bytes.i2osp(info.length, 2), info, new byte[1]);
        try {
            for (int counter = 0; counter <= 255; counter++) {
                deriveInput[deriveInput.length - 1] = (byte) counter;
                Group.Scalar sk = group.hashToScalar(deriveInput, deriveKeyPairDst);
                if (!sk.isZero()) {
                    return sk;
                }
            }
        } finally {
            Bytes.zeroize(deriveInput);
        }
        throw new OprfException("DeriveKeyPair found no non-zero scalar");
    }

    private byte[] hashOutput(byte[] input, byte[] unblindedElement) {
        if (input.length > 0xffff) {
            throw new OprfException("OPRF input is longer than 65535 bytes");
        }
        MessageDigest digest = suite.newDigest();
        digest.update(Bytes.i2osp(input.length, 2));
        digest.update(input);
        digest.update(Bytes.i2osp(unblindedElement.length, 2));
        digest.update(unblindedElement);
        digest.update(FINALIZE);
        return digest.digest();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
