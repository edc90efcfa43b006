package io.keyward.crypto.opaque;

import io.keyward.crypto.ec.Group;
import io.keyward.crypto.ksf.KeyStretching;
import io.keyward.crypto.oprf.BlindedInput;
import io.keyward.crypto.oprf.OprfKeyPair;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;

/**
 * The client side of OPAQUE-3DH (RFC 9807): registration (sections 5.1 and 5.2) and login
 * (sections 6.2 and 6.4). Immutable and thread-safe; per-exchange state is returned to the
 * caller.
 */
public final class OpaqueClient {
    private static final byte[] MASKING_KEY = Kdf.ascii("MaskingKey");
    private static final byte[] AUTH_KEY = Kdf.ascii("AuthKey");
    private static final byte[] EXPORT_KEY = Kdf.ascii("ExportKey");
    private static final byte[] PRIVATE_KEY = Kdf.ascii("PrivateKey");
    private static final byte[] CREDENTIAL_RESPONSE_PAD = Kdf.ascii("CredentialResponsePad");

    private final OpaqueSuite suite;
    private final KeyStretching ksf;
    private final byte[] context;
    private final Kdf kdf;
    private final SecureRandom random;

    /** A client with an empty context and a fresh {@link SecureRandom}. */
    public OpaqueClient(OpaqueSuite suite, KeyStretching ksf) {
        this(suite, ksf, new byte[0], new SecureRandom());
    }

    /**
     * @param ksf the key-stretching function; the server never sees it, but the same one must be
     *     used at registration and at every login
     * @param context the shared context string bound into the transcript (empty by default)
     */
    public OpaqueClient(OpaqueSuite suite, KeyStretching ksf, byte[] context, SecureRandom random) {
        Ake.checkContext(context);
        this.suite = suite;
        this.ksf = ksf;
        this.context = context.clone();
        this.kdf = new Kdf(suite);
        this.random = random;
    }

    public OpaqueSuite suite() {
        return suite;
    }

    /** CreateRegistrationRequest(password). */
    public RegistrationStart startRegistration(byte[] password) {
        return startRegistration(password, suite.group().randomScalar(random));
    }

    /** Deterministic variant for the published vectors. */
    RegistrationStart startRegistration(byte[] password, Group.Scalar blind) {
        BlindedInput blinded = suite.oprf().blind(password, blind);
        RegistrationRequest request = new RegistrationRequest(suite, blinded.blindedElement().serialize());
        return new RegistrationStart(request, new ClientRegistrationState(suite, password, blinded.blind()));
    }

    /**
     * FinalizeRegistrationRequest: builds the record to upload and returns the export_key.
     *
     * @param identities the identities the server will use at login too
     */
    public ClientRegistrationResult finishRegistration(ClientRegistrationState state, RegistrationResponse response, Identities identities) {
        byte[] envelopeNonce = new byte[OpaqueSuite.NONCE_LENGTH];
        random.nextBytes(envelopeNonce);
        return finishRegistration(state, response, identities, envelopeNonce);
    }

    ClientRegistrationResult finishRegistration(ClientRegistrationState state, RegistrationResponse response,
            Identities identities, byte[] envelopeNonce) {
        Ake.checkSuite(suite, state.suite(), "registration state");
        Ake.checkSuite(suite, response.suite(), "registration response");
        byte[] serverPublicKey = response.serverPublicKey();
        Ake.element(suite, "registration response server_public_key", serverPublicKey);
        Group.Element evaluated = Ake.element(suite, "registration response evaluated_message", response.evaluatedMessage());
        byte[] password = state.password();
        byte[] randomizedPassword = randomizedPassword(password, state.blind(), evaluated);
        Bytes.zeroize(password);

        byte[] maskingKey = kdf.expand(randomizedPassword, MASKING_KEY, suite.hashLength());
        EnvelopeKeys keys = envelopeKeys(randomizedPassword, envelopeNonce);
        Bytes.zeroize(randomizedPassword);
        byte[] clientPublicKey = keys.keyPair().publicKey().serialize();
        byte[] cleartext = Ake.cleartextCredentials(serverPublicKey, identities.serverOr(serverPublicKey),
                identities.clientOr(clientPublicKey));
        byte[] authTag = kdf.mac(keys.authKey(), Bytes.concat(envelopeNonce, cleartext));
        RegistrationRecord record = new RegistrationRecord(suite, clientPublicKey, maskingKey, Bytes.concat(envelopeNonce, authTag));
        Bytes.zeroize(maskingKey, keys.authKey());
        return new ClientRegistrationResult(record, keys.exportKey());
    }

    /** GenerateKE1(password). */
    public LoginStart startLogin(byte[] password) {
        byte[] clientNonce = new byte[OpaqueSuite.NONCE_LENGTH];
        byte[] keyshareSeed = new byte[OpaqueSuite.SEED_LENGTH];
        random.nextBytes(clientNonce);
        random.nextBytes(keyshareSeed);
        try {
            return startLogin(password, suite.group().randomScalar(random), clientNonce, keyshareSeed);
        } finally {
            Bytes.zeroize(keyshareSeed);
        }
    }

    LoginStart startLogin(byte[] password, Group.Scalar blind, byte[] clientNonce, byte[] clientKeyshareSeed) {
        BlindedInput blinded = suite.oprf().blind(password, blind);
        OprfKeyPair keyshare = Ake.deriveDiffieHellmanKeyPair(suite, clientKeyshareSeed);
        KE1 ke1 = new KE1(suite, blinded.blindedElement().serialize(), clientNonce, keyshare.publicKey().serialize());
        return new LoginStart(ke1, new ClientLoginState(suite, password, blinded.blind(), keyshare.privateKey(), ke1));
    }

    /**
     * GenerateKE3: recovers the credentials from KE2, authenticates the server and returns KE3
     * with the session and export keys.
     *
     * @throws EnvelopeRecoveryException wrong password or altered response
     * @throws ServerAuthenticationException the server's MAC did not verify
     */
    public ClientLoginResult finishLogin(ClientLoginState state, KE2 ke2, Identities identities) {
        Ake.checkSuite(suite, state.suite(), "login state");
        Ake.checkSuite(suite, ke2.suite(), "KE2");
        Group group = suite.group();
        Group.Element evaluated = Ake.element(suite, "KE2 evaluated_message", ke2.evaluatedMessage());
        Group.Element serverKeyshare = Ake.element(suite, "KE2 server_public_keyshare", ke2.serverPublicKeyshare());

        // RecoverCredentials
        byte[] password = state.password();
        byte[] randomizedPassword = randomizedPassword(password, state.blind(), evaluated);
        Bytes.zeroize(password);
        byte[] maskingKey = kdf.expand(randomizedPassword, MASKING_KEY, suite.hashLength());
        byte[] maskingNonce = ke2.maskingNonce();
        byte[] pad = kdf.expand(maskingKey, Bytes.concat(maskingNonce, CREDENTIAL_RESPONSE_PAD), KE2.maskedResponseLength(suite));
        byte[] unmasked = ke2.maskedResponse();
        for (int i = 0; i < unmasked.length; i++) {
            unmasked[i] ^= pad[i];
        }
        Bytes.zeroize(maskingKey, pad);
        int npk = suite.elementLength();
        byte[] serverPublicKey = Bytes.slice(unmasked, 0, npk);
        byte[] envelopeNonce = Bytes.slice(unmasked, npk, OpaqueSuite.NONCE_LENGTH);
        byte[] authTag = Bytes.slice(unmasked, npk + OpaqueSuite.NONCE_LENGTH, suite.hashLength());

        // Recover
        EnvelopeKeys keys = envelopeKeys(randomizedPassword, envelopeNonce);
        Bytes.zeroize(randomizedPassword);
        byte[] clientPublicKey = keys.keyPair().publicKey().serialize();
        byte[] serverIdentity = identities.serverOr(serverPublicKey);
        byte[] clientIdentity = identities.clientOr(clientPublicKey);
        byte[] cleartext = Ake.cleartextCredentials(serverPublicKey, serverIdentity, clientIdentity);
        byte[] expectedTag = kdf.mac(keys.authKey(), Bytes.concat(envelopeNonce, cleartext));
        Bytes.zeroize(keys.authKey());
        if (!Bytes.constantTimeEquals(expectedTag, authTag)) {
            Bytes.zeroize(keys.exportKey());
            throw new EnvelopeRecoveryException();
        }
        // Authenticated by the tag, so a bad key here means the server registered garbage.
        Group.Element serverKey = Ake.element(suite, "recovered server_public_key", serverPublicKey);

        // AuthClientFinalize
        byte[] ikm = Bytes.concat(
                Ake.dh(state.clientSecret(), serverKeyshare),
                Ake.dh(state.clientSecret(), serverKey),
                Ake.dh(keys.keyPair().privateKey(), serverKeyshare));
        byte[] preamble = Ake.preamble(context, clientIdentity, state.ke1(), serverIdentity,
                ke2.credentialResponse(), ke2.serverNonce(), ke2.serverPublicKeyshare());
        byte[] preambleHash = kdf.hash(preamble);
        Ake.Keys ake = Ake.deriveKeys(kdf, ikm, preambleHash);
        Bytes.zeroize(ikm);
        byte[] expectedServerMac = kdf.mac(ake.km2(), preambleHash);
        if (!Bytes.constantTimeEquals(expectedServerMac, ke2.serverMacUnsafe())) {
            ake.destroy();
            Bytes.zeroize(ake.sessionKey(), keys.exportKey());
            throw new ServerAuthenticationException();
        }
        byte[] clientMac = kdf.mac(ake.km3(), kdf.hash(Bytes.concat(preamble, expectedServerMac)));
        ake.destroy();
        return new ClientLoginResult(new KE3(suite, clientMac), ake.sessionKey(), keys.exportKey(), serverPublicKey);
    }

    /** randomized_password = Extract("", oprf_output || Stretch(oprf_output)). */
    private byte[] randomizedPassword(byte[] password, Group.Scalar blind, Group.Element evaluated) {
        byte[] oprfOutput = suite.oprf().finalizeOutput(password, blind, evaluated);
        byte[] stretched = ksf.stretch(oprfOutput, suite.hashLength());
        byte[] ikm = Bytes.concat(oprfOutput, stretched);
        byte[] randomizedPassword = kdf.extract(new byte[0], ikm);
        Bytes.zeroize(oprfOutput, stretched, ikm);
        return randomizedPassword;
    }

    private record EnvelopeKeys(byte[] authKey, byte[] exportKey, OprfKeyPair keyPair) {}

    /** The keys Store and Recover derive from randomized_password and the envelope nonce. */
    private EnvelopeKeys envelopeKeys(byte[] randomizedPassword, byte[] envelopeNonce) {
        byte[] authKey = kdf.expand(randomizedPassword, Bytes.concat(envelopeNonce, AUTH_KEY), suite.hashLength());
        byte[] exportKey = kdf.expand(randomizedPassword, Bytes.concat(envelopeNonce, EXPORT_KEY), suite.hashLength());
        byte[] seed = kdf.expand(randomizedPassword, Bytes.concat(envelopeNonce, PRIVATE_KEY), OpaqueSuite.SEED_LENGTH);
        OprfKeyPair keyPair = Ake.deriveDiffieHellmanKeyPair(suite, seed);
        Bytes.zeroize(seed);
        return new EnvelopeKeys(authKey, exportKey, keyPair);
    }
}
