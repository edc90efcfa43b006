package io.keyward.crypto.opaque;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ec.Group;
import io.keyward.crypto.oprf.OprfKeyPair;
import io.keyward.crypto.util.Bytes;

/** The pieces of OPAQUE-3DH (RFC 9807 section 6.4) that client and server share. */
final class Ake {
    private static final byte[] DERIVE_DH_KEY_PAIR = Kdf.ascii("OPAQUE-DeriveDiffieHellmanKeyPair");
    private static final byte[] PREAMBLE_PREFIX = Kdf.ascii("OPAQUEv1-");

    private Ake() {}

    /** The Km2 and Km3 MAC keys and the session key from DeriveKeys. */
    record Keys(byte[] km2, byte[] km3, byte[] sessionKey) {
        void destroy() {
            Bytes.zeroize(km2, km3);
        }

        @Override
        public String toString() {
            return "Ake.Keys[<redacted>]";
        }
    }

    /** DeriveDiffieHellmanKeyPair(seed) = DeriveKeyPair(seed, "OPAQUE-DeriveDiffieHellmanKeyPair"). */
    static OprfKeyPair deriveDiffieHellmanKeyPair(OpaqueSuite suite, byte[] seed) {
        return suite.oprf().deriveKeyPair(seed, DERIVE_DH_KEY_PAIR);
    }

    /** DiffieHellman(k, B) = SerializeElement(k * B). */
    static byte[] dh(Group.Scalar privateKey, Group.Element publicKey) {
        return publicKey.multiply(privateKey).serialize();
    }

    /** DeserializeElement for a public value received or stored, as a typed error naming it. */
    static Group.Element element(OpaqueSuite suite, String what, byte[] encoded) {
        try {
            return suite.group().deserializeElement(encoded);
        } catch (CryptoException e) {
            throw new InvalidMessageException(what + " is not a valid " + suite.group().name() + " element", e);
        }
    }

    /**
     * CleartextCredentials serialized: {@code server_public_key || I2OSP(len(server_identity), 2)
     * || server_identity || I2OSP(len(client_identity), 2) || client_identity}.
     */
    static byte[] cleartextCredentials(byte[] serverPublicKey, byte[] serverIdentity, byte[] clientIdentity) {
        return Bytes.concat(serverPublicKey, Bytes.i2osp(serverIdentity.length, 2), serverIdentity,
                Bytes.i2osp(clientIdentity.length, 2), clientIdentity);
    }

    static byte[] preamble(byte[] context, byte[] clientIdentity, KE1 ke1, byte[] serverIdentity,
            byte[] credentialResponse, byte[] serverNonce, byte[] serverPublicKeyshare) {
        return Bytes.concat(PREAMBLE_PREFIX, Bytes.i2osp(context.length, 2), context,
                Bytes.i2osp(clientIdentity.length, 2), clientIdentity, ke1.serialize(),
                Bytes.i2osp(serverIdentity.length, 2), serverIdentity,
                credentialResponse, serverNonce, serverPublicKeyshare);
    }

    static Keys deriveKeys(Kdf kdf, byte[] ikm, byte[] preambleHash) {
        byte[] prk = kdf.extract(new byte[0], ikm);
        byte[] handshakeSecret = kdf.deriveSecret(prk, "HandshakeSecret", preambleHash);
        byte[] sessionKey = kdf.deriveSecret(prk, "SessionKey", preambleHash);
        byte[] km2 = kdf.deriveSecret(handshakeSecret, "ServerMAC", new byte[0]);
        byte[] km3 = kdf.deriveSecret(handshakeSecret, "ClientMAC", new byte[0]);
        Bytes.zeroize(prk, handshakeSecret);
        return new Keys(km2, km3, sessionKey);
    }

    static void checkContext(byte[] context) {
        if (context == null || context.length > 0xffff) {
            throw new IllegalArgumentException("OPAQUE context must be present and at most 65535 bytes");
        }
    }

    static void checkSuite(OpaqueSuite expected, OpaqueSuite actual, String what) {
        if (expected != actual) {
            throw new InvalidMessageException(what + " is for suite " + actual.id() + ", expected " + expected.id());
        }
    }
}
