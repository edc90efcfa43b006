package io.keyward.crypto.opaque;

import io.keyward.crypto.ec.Group;
import io.keyward.crypto.oprf.OprfKeyPair;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;

/**
 * The server side of OPAQUE-3DH (RFC 9807): the registration response (section 5.2.2), KE2
 * (sections 6.3.2 and 6.4.4) and the KE3 check. Everything it needs is in its {@link ServerSetup}
 * and the arguments, so any node can handle any step; the only state between KE2 and KE3 is the
 * serializable {@link ServerLoginState}. Thread-safe; build one per setup and share it.
 */
public final class OpaqueServer {
    private static final byte[] OPRF_KEY = Kdf.ascii("OprfKey");
    private static final byte[] DERIVE_KEY_PAIR = Kdf.ascii("OPAQUE-DeriveKeyPair");
    private static final byte[] CREDENTIAL_RESPONSE_PAD = Kdf.ascii("CredentialResponsePad");

    private final OpaqueSuite suite;
    private final ServerSetup setup;
    private final byte[] context;
    private final Kdf kdf;
    private final SecureRandom random;
    private final Group.Scalar serverPrivateKey;
    /** Created on first use, so that building a server from its setup costs nothing extra. */
    private volatile RegistrationRecord fakeRecord;

    /** A server with an empty context and a fresh {@link SecureRandom}. */
    public OpaqueServer(ServerSetup setup) {
        this(setup, new byte[0], new SecureRandom());
    }

    /**
     * @param context the shared context string bound into the transcript (empty by default)
     */
    public OpaqueServer(ServerSetup setup, byte[] context, SecureRandom random) {
        Ake.checkContext(context);
        this.suite = setup.suite();
        this.setup = setup;
        this.context = context.clone();
        this.kdf = new Kdf(suite);
        this.random = random;
        this.serverPrivateKey = suite.group().deserializeScalar(setup.serverPrivateKey());
    }

    public OpaqueSuite suite() {
        return suite;
    }

    public byte[] serverPublicKey() {
        return setup.serverPublicKey();
    }

    /**
     * CreateRegistrationResponse.
     *
     * @param credentialIdentifier stable and unique per account (the OPRF key is derived from it)
     */
    public RegistrationResponse createRegistrationResponse(RegistrationRequest request, byte[] credentialIdentifier) {
        Ake.checkSuite(suite, request.suite(), "registration request");
        Group.Element blinded = Ake.element(suite, "registration request blinded_message", request.blindedMessage());
        Group.Element evaluated = suite.oprf().blindEvaluate(oprfKey(credentialIdentifier), blinded);
        return new RegistrationResponse(suite, evaluated.serialize(), setup.serverPublicKey());
    }

    /**
     * A fake record for client-enumeration prevention (RFC 9807 section 6.3.2.2): a random client
     * public key, a random masking key and an all-zero envelope. The RFC recommends creating one
     * and storing it with the real records so that looking it up costs the same.
     */
    public RegistrationRecord createFakeRecord(SecureRandom random) {
        Group group = suite.group();
        byte[] clientPublicKey = group.generator().multiply(group.randomScalar(random)).serialize();
        byte[] maskingKey = new byte[suite.hashLength()];
        random.nextBytes(maskingKey);
        return new RegistrationRecord(suite, clientPublicKey, maskingKey, new byte[suite.envelopeLength()]);
    }

    /**
     * GenerateKE2. Pass {@code record = null} for an unknown user: the server then answers from
     * its fake record, with a KE2 of the same size and shape, and the login fails at KE3.
     *
     * @param credentialIdentifier the same identifier as at registration (for an unknown user, the
     *     identifier the client asked for, so that repeated attempts see the same OPRF key)
     */
    public ServerLoginStart startLogin(RegistrationRecord record, byte[] credentialIdentifier, KE1 ke1, Identities identities) {
        byte[] maskingNonce = new byte[OpaqueSuite.NONCE_LENGTH];
        byte[] serverNonce = new byte[OpaqueSuite.NONCE_LENGTH];
        byte[] keyshareSeed = new byte[OpaqueSuite.SEED_LENGTH];
        random.nextBytes(maskingNonce);
        random.nextBytes(serverNonce);
        random.nextBytes(keyshareSeed);
        try {
            return startLogin(record != null ? record : fakeRecord(), credentialIdentifier, ke1, identities,
                    maskingNonce, serverNonce, keyshareSeed);
        } finally {
            Bytes.zeroize(keyshareSeed);
        }
    }

    ServerLoginStart startLogin(RegistrationRecord record, byte[] credentialIdentifier, KE1 ke1, Identities identities,
            byte[] maskingNonce, byte[] serverNonce, byte[] serverKeyshareSeed) {
        Ake.checkSuite(suite, record.suite(), "registration record");
        Ake.checkSuite(suite, ke1.suite(), "KE1");
        Group.Element blinded = Ake.element(suite, "KE1 blinded_message", ke1.blindedMessage());
        Group.Element clientKeyshare = Ake.element(suite, "KE1 client_public_keyshare", ke1.clientPublicKeyshare());
        byte[] clientPublicKeyBytes = record.clientPublicKey();
        Group.Element clientPublicKey = Ake.element(suite, "registration record client_public_key", clientPublicKeyBytes);
        byte[] serverPublicKey = setup.serverPublicKey();

        // CreateCredentialResponse
        byte[] evaluatedMessage = suite.oprf().blindEvaluate(oprfKey(credentialIdentifier), blinded).serialize();
        byte[] maskingKey = record.maskingKey();
        byte[] pad = kdf.expand(maskingKey, Bytes.concat(maskingNonce, CREDENTIAL_RESPONSE_PAD), KE2.maskedResponseLength(suite));
        byte[] maskedResponse = Bytes.concat(serverPublicKey, record.envelope());
        for (int i = 0; i < maskedResponse.length; i++) {
            maskedResponse[i] ^= pad[i];
        }
        Bytes.zeroize(maskingKey, pad);
        byte[] credentialResponse = Bytes.concat(evaluatedMessage, maskingNonce, maskedResponse);

        // AuthServerRespond
        OprfKeyPair keyshare = Ake.deriveDiffieHellmanKeyPair(suite, serverKeyshareSeed);
        byte[] serverPublicKeyshare = keyshare.publicKey().serialize();
        byte[] preamble = Ake.preamble(context, identities.clientOr(clientPublicKeyBytes), ke1,
                identities.serverOr(serverPublicKey), credentialResponse, serverNonce, serverPublicKeyshare);
        byte[] ikm = Bytes.concat(
                Ake.dh(keyshare.privateKey(), clientKeyshare),
                Ake.dh(serverPrivateKey, clientKeyshare),
                Ake.dh(keyshare.privateKey(), clientPublicKey));
        byte[] preambleHash = kdf.hash(preamble);
        Ake.Keys keys = Ake.deriveKeys(kdf, ikm, preambleHash);
        Bytes.zeroize(ikm);
        byte[] serverMac = kdf.mac(keys.km2(), preambleHash);
        byte[] expectedClientMac = kdf.mac(keys.km3(), kdf.hash(Bytes.concat(preamble, serverMac)));
        keys.destroy();

        KE2 ke2 = new KE2(suite, evaluatedMessage, maskingNonce, maskedResponse, serverNonce, serverPublicKeyshare, serverMac);
        ServerLoginState state = new ServerLoginState(suite, expectedClientMac, keys.sessionKey());
        Bytes.zeroize(keys.sessionKey(), expectedClientMac);
        return new ServerLoginStart(ke2, state);
    }

    /**
     * ServerFinish: checks KE3 against the state kept from {@link #startLogin} and returns the
     * session key.
     *
     * @throws ClientAuthenticationException wrong password, unknown user or tampering
     */
    public byte[] finishLogin(ServerLoginState state, KE3 ke3) {
        Ake.checkSuite(suite, state.suite(), "server login state");
        Ake.checkSuite(suite, ke3.suite(), "KE3");
        byte[] expected = state.expectedClientMac();
        byte[] received = ke3.clientMac();
        boolean ok = Bytes.constantTimeEquals(expected, received);
        Bytes.zeroize(expected);
        if (!ok) {
            throw new ClientAuthenticationException();
        }
        return state.sessionKey();
    }

    private RegistrationRecord fakeRecord() {
        RegistrationRecord fake = fakeRecord;
        if (fake == null) {
            // A race creates two equally good fake records; one wins, nothing is shared half-built.
            fake = createFakeRecord(random);
            fakeRecord = fake;
        }
        return fake;
    }

    /** oprf_key = DeriveKeyPair(Expand(oprf_seed, credential_identifier || "OprfKey", Nok), "OPAQUE-DeriveKeyPair"). */
    private Group.Scalar oprfKey(byte[] credentialIdentifier) {
        if (credentialIdentifier == null) {
            throw new InvalidMessageException("credential identifier is missing");
        }
        byte[] oprfSeed = setup.oprfSeed();
        byte[] seed = kdf.expand(oprfSeed, Bytes.concat(credentialIdentifier, OPRF_KEY), suite.scalarLength());
        try {
            return suite.oprf().derivePrivateKey(seed, DERIVE_KEY_PAIR);
        } finally {
            Bytes.zeroize(oprfSeed, seed);
        }
    }
}
