package io.keyward.crypto.opaque;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ec.Group;
import io.keyward.crypto.oprf.OprfKeyPair;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;

/**
 * The server's long-term OPAQUE secrets: the {@code oprf_seed} every per-user OPRF key is derived
 * from, and the AKE key pair. With it (and the stored records) any node can serve any step
 * statelessly. It must be stored wrapped by the server lock; {@link #toString()} never shows it.
 *
 * <p>Serialized form (Keyward's own, not an RFC format): {@code 0x01 (version) || suite code ||
 * oprf_seed[Nh] || server_private_key[Nsk] || server_public_key[Npk]}.
 */
public record ServerSetup(OpaqueSuite suite, byte[] oprfSeed, byte[] serverPrivateKey, byte[] serverPublicKey) {
    private static final int VERSION = 1;

    public ServerSetup {
        oprfSeed = Wire.field("server setup oprf_seed", oprfSeed, suite.hashLength());
        serverPrivateKey = Wire.field("server setup private key", serverPrivateKey, suite.scalarLength());
        serverPublicKey = Wire.field("server setup public key", serverPublicKey, suite.elementLength());
        checkKeyPair(suite, serverPrivateKey, serverPublicKey);
    }

    /** Fresh secrets: a random oprf_seed and a key pair from DeriveDiffieHellmanKeyPair(random seed). */
    public static ServerSetup generate(OpaqueSuite suite, SecureRandom random) {
        byte[] oprfSeed = new byte[suite.hashLength()];
        random.nextBytes(oprfSeed);
        byte[] keySeed = new byte[OpaqueSuite.SEED_LENGTH];
        random.nextBytes(keySeed);
        OprfKeyPair keys = Ake.deriveDiffieHellmanKeyPair(suite, keySeed);
        Bytes.zeroize(keySeed);
        ServerSetup setup = new ServerSetup(suite, oprfSeed, keys.privateKey().serialize(), keys.publicKey().serialize());
        Bytes.zeroize(oprfSeed);
        return setup;
    }

    private static void checkKeyPair(OpaqueSuite suite, byte[] privateKey, byte[] publicKey) {
        Group group = suite.group();
        Group.Scalar sk;
        try {
            sk = group.deserializeScalar(privateKey);
        } catch (CryptoException e) {
            throw new InvalidMessageException("server setup private key is not a valid scalar", e);
        }
        if (sk.isZero()) {
            throw new InvalidMessageException("server setup private key is zero");
        }
        Wire.checkElement(suite, "server setup public key", publicKey);
        if (!Bytes.constantTimeEquals(group.generator().multiply(sk).serialize(), publicKey)) {
            throw new InvalidMessageException("server setup public key does not match its private key");
        }
    }

    @Override
    public byte[] oprfSeed() {
        return oprfSeed.clone();
    }

    @Override
    public byte[] serverPrivateKey() {
        return serverPrivateKey.clone();
    }

    @Override
    public byte[] serverPublicKey() {
        return serverPublicKey.clone();
    }

    public byte[] serialize() {
        return Bytes.concat(new byte[] {VERSION, (byte) suite.code()}, oprfSeed, serverPrivateKey, serverPublicKey);
    }

    public static ServerSetup deserialize(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw new InvalidMessageException("server setup is too short");
        }
        if (bytes[0] != VERSION) {
            throw new InvalidMessageException("server setup has unknown version " + (bytes[0] & 0xff));
        }
        OpaqueSuite suite = OpaqueSuite.fromCode(bytes[1] & 0xff);
        byte[][] f = Wire.split("server setup", Bytes.slice(bytes, 2, bytes.length - 2),
                suite.hashLength(), suite.scalarLength(), suite.elementLength());
        return new ServerSetup(suite, f[0], f[1], f[2]);
    }

    @Override
    public String toString() {
        return "ServerSetup[suite=" + suite.id() + ", secrets=<redacted>]";
    }

    /** Equal when they serialize to the same bytes (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ServerSetup other && suite == other.suite && Wire.sameBytes(serialize(), other.serialize());
    }

    @Override
    public int hashCode() {
        // Only the suite: a hash of secret bytes would leak a little of them into hash tables.
        return suite.hashCode();
    }
}
