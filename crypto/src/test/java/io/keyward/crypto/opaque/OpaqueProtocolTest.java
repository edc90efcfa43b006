package io.keyward.crypto.opaque;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.ksf.Argon2idKsf;
import io.keyward.crypto.ksf.IdentityKsf;
import io.keyward.crypto.ksf.KeyStretching;
import io.keyward.crypto.ksf.ScryptKsf;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole exchanges with real randomness, and every way they must fail. */
class OpaqueProtocolTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private static final byte[] USER = "alice@example.org".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CONTEXT = "keyward-test".getBytes(StandardCharsets.UTF_8);

    private record Fixture(OpaqueClient client, ServerSetup setup, OpaqueServer server, RegistrationRecord record, byte[] exportKey) {}

    private static Fixture register(OpaqueSuite suite, KeyStretching ksf, Identities ids) {
        OpaqueClient client = new OpaqueClient(suite, ksf, CONTEXT, RANDOM);
        ServerSetup setup = ServerSetup.generate(suite, RANDOM);
        OpaqueServer server = new OpaqueServer(setup, CONTEXT, RANDOM);
        RegistrationStart start = client.startRegistration(PASSWORD);
        RegistrationResponse response = server.createRegistrationResponse(start.request(), USER);
        ClientRegistrationResult result = client.finishRegistration(start.state(), response, ids);
        return new Fixture(client, setup, server, result.record(), result.exportKey());
    }

    @ParameterizedTest
    @EnumSource(OpaqueSuite.class)
    void registersAndLogsInAcrossTwoServerNodes(OpaqueSuite suite) {
        Identities ids = new Identities(USER, "keyward.example".getBytes(StandardCharsets.UTF_8));
        Fixture f = register(suite, IdentityKsf.INSTANCE, ids);
        // Node A answers KE1; node B, built only from the same setup bytes, checks KE3.
        byte[] setupBytes = f.setup().serialize();
        LoginStart login = f.client().startLogin(PASSWORD);
        ServerLoginStart ke2 = f.server().startLogin(f.record(), USER, KE1.deserialize(suite, login.ke1().serialize()), ids);
        ClientLoginResult done = f.client().finishLogin(login.state(), KE2.deserialize(suite, ke2.ke2().serialize()), ids);
        OpaqueServer nodeB = new OpaqueServer(ServerSetup.deserialize(setupBytes), CONTEXT, RANDOM);
        byte[] serverKey = nodeB.finishLogin(ServerLoginState.deserialize(ke2.state().serialize()),
                KE3.deserialize(suite, done.ke3().serialize()));
        assertThat(done.sessionKey()).hasSize(suite.hashLength()).isEqualTo(serverKey);
        assertThat(done.exportKey()).isEqualTo(f.exportKey());
        assertThat(done.serverPublicKey()).isEqualTo(f.server().serverPublicKey());
        // Records compare by content.
        assertThat(KE1.deserialize(suite, login.ke1().serialize())).isEqualTo(login.ke1()).hasSameHashCodeAs(login.ke1());
        assertThat(RegistrationRecord.deserialize(suite, f.record().serialize())).isEqualTo(f.record());
        assertThat(ServerSetup.deserialize(setupBytes)).isEqualTo(f.setup());
        assertThat(new Identities(USER, null)).isEqualTo(new Identities(USER.clone(), null)).isNotEqualTo(Identities.NONE);
    }

    @ParameterizedTest
    @EnumSource(OpaqueSuite.class)
    void aWrongPasswordFailsOnBothSides(OpaqueSuite suite) {
        Fixture f = register(suite, IdentityKsf.INSTANCE, Identities.NONE);
        LoginStart login = f.client().startLogin("wrong".getBytes(StandardCharsets.UTF_8));
        ServerLoginStart ke2 = f.server().startLogin(f.record(), USER, login.ke1(), Identities.NONE);
        assertThatThrownBy(() -> f.client().finishLogin(login.state(), ke2.ke2(), Identities.NONE))
                .isInstanceOf(EnvelopeRecoveryException.class);
        // A client that sends a made-up KE3 anyway is refused.
        assertThatThrownBy(() -> f.server().finishLogin(ke2.state(), new KE3(suite, new byte[suite.hashLength()])))
                .isInstanceOf(ClientAuthenticationException.class);
    }

    @ParameterizedTest
    @EnumSource(OpaqueSuite.class)
    void anUnknownUserGetsAFakeKe2OfTheSameShape(OpaqueSuite suite) {
        Fixture f = register(suite, IdentityKsf.INSTANCE, Identities.NONE);
        LoginStart real = f.client().startLogin(PASSWORD);
        KE2 realKe2 = f.server().startLogin(f.record(), USER, real.ke1(), Identities.NONE).ke2();
        LoginStart probe = f.client().startLogin(PASSWORD);
        byte[] unknown = "mallory".getBytes(StandardCharsets.UTF_8);
        ServerLoginStart fake = f.server().startLogin(null, unknown, probe.ke1(), Identities.NONE);
        assertThat(fake.ke2().serialize()).hasSameSizeAs(realKe2.serialize());
        assertThat(fake.state().serialize()).hasSameSizeAs(f.server().startLogin(f.record(), USER, real.ke1(), Identities.NONE).state().serialize());
        assertThatThrownBy(() -> f.client().finishLogin(probe.state(), fake.ke2(), Identities.NONE))
                .isInstanceOf(EnvelopeRecoveryException.class);
        // A stored fake record (the RFC's recommendation) behaves the same.
        RegistrationRecord stored = RegistrationRecord.deserialize(suite, f.server().createFakeRecord(RANDOM).serialize());
        KE2 fromStored = f.server().startLogin(stored, unknown, probe.ke1(), Identities.NONE).ke2();
        assertThat(fromStored.serialize()).hasSameSizeAs(realKe2.serialize());
    }

    @ParameterizedTest
    @EnumSource(OpaqueSuite.class)
    void tamperingWithAnyKe2FieldOrKe3IsDetected(OpaqueSuite suite) {
        Fixture f = register(suite, IdentityKsf.INSTANCE, Identities.NONE);
        LoginStart login = f.client().startLogin(PASSWORD);
        ServerLoginStart ke2 = f.server().startLogin(f.record(), USER, login.ke1(), Identities.NONE);
        byte[] good = ke2.ke2().serialize();

        byte[] badMac = good.clone();
        badMac[badMac.length - 1] ^= 1;
        assertThatThrownBy(() -> f.client().finishLogin(login.state(), KE2.deserialize(suite, badMac), Identities.NONE))
                .isInstanceOf(ServerAuthenticationException.class);
        byte[] badNonce = good.clone();
        badNonce[suite.elementLength() + OpaqueSuite.NONCE_LENGTH + KE2.maskedResponseLength(suite)] ^= 1; // server_nonce
        assertThatThrownBy(() -> f.client().finishLogin(login.state(), KE2.deserialize(suite, badNonce), Identities.NONE))
                .isInstanceOf(ServerAuthenticationException.class);
        byte[] badMasked = good.clone();
        badMasked[suite.elementLength() + OpaqueSuite.NONCE_LENGTH + 5] ^= 1; // inside the masked server key
        assertThatThrownBy(() -> f.client().finishLogin(login.state(), KE2.deserialize(suite, badMasked), Identities.NONE))
                .isInstanceOf(EnvelopeRecoveryException.class);

        ClientLoginResult done = f.client().finishLogin(login.state(), ke2.ke2(), Identities.NONE);
        byte[] badKe3 = done.ke3().serialize();
        badKe3[0] ^= 1;
        assertThatThrownBy(() -> f.server().finishLogin(ke2.state(), KE3.deserialize(suite, badKe3)))
                .isInstanceOf(ClientAuthenticationException.class);
        assertThat(f.server().finishLogin(ke2.state(), done.ke3())).isEqualTo(done.sessionKey());
    }

    @ParameterizedTest
    @EnumSource(OpaqueSuite.class)
    void mismatchedIdentitiesOrContextFail(OpaqueSuite suite) {
        Identities ids = new Identities(USER, null);
        Fixture f = register(suite, IdentityKsf.INSTANCE, ids);
        LoginStart login = f.client().startLogin(PASSWORD);
        // The server believes the client is someone else: the envelope opens, the server MAC does not verify.
        Identities other = new Identities("bob".getBytes(StandardCharsets.UTF_8), null);
        ServerLoginStart ke2 = f.server().startLogin(f.record(), USER, login.ke1(), other);
        assertThatThrownBy(() -> f.client().finishLogin(login.state(), ke2.ke2(), ids))
                .isInstanceOf(ServerAuthenticationException.class);

        OpaqueServer otherContext = new OpaqueServer(f.setup(),
                "another-app".getBytes(StandardCharsets.UTF_8), RANDOM);
        LoginStart again = f.client().startLogin(PASSWORD);
        KE2 ke2b = otherContext.startLogin(f.record(), USER, again.ke1(), ids).ke2();
        assertThatThrownBy(() -> f.client().finishLogin(again.state(), ke2b, ids))
                .isInstanceOf(ServerAuthenticationException.class);
    }

    @ParameterizedTest
    @EnumSource(OpaqueSuite.class)
    void malformedMessagesAreTypedErrors(OpaqueSuite suite) {
        Fixture f = register(suite, IdentityKsf.INSTANCE, Identities.NONE);
        byte[] ke1 = f.client().startLogin(PASSWORD).ke1().serialize();
        assertThatThrownBy(() -> KE1.deserialize(suite, Arrays.copyOf(ke1, ke1.length - 1)))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("KE1 must be");
        assertThatThrownBy(() -> KE1.deserialize(suite, null)).isInstanceOf(InvalidMessageException.class);
        byte[] identityBlinded = ke1.clone();
        Arrays.fill(identityBlinded, 0, suite.elementLength(), (byte) 0);
        assertThatThrownBy(() -> KE1.deserialize(suite, identityBlinded))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("blinded_message");
        byte[] garbageKeyshare = ke1.clone();
        Arrays.fill(garbageKeyshare, ke1.length - suite.elementLength(), ke1.length, (byte) 0xff);
        assertThatThrownBy(() -> KE1.deserialize(suite, garbageKeyshare))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("client_public_keyshare");
        // The server refuses a hand-built KE1 carrying an invalid element, too.
        KE1 forged = new KE1(suite, Bytes.slice(identityBlinded, 0, suite.elementLength()), new byte[32],
                Bytes.slice(ke1, ke1.length - suite.elementLength(), suite.elementLength()));
        assertThatThrownBy(() -> f.server().startLogin(f.record(), USER, forged, Identities.NONE))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> RegistrationRequest.deserialize(suite, new byte[suite.elementLength()]))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> KE2.deserialize(suite, new byte[10])).isInstanceOf(InvalidMessageException.class);
        byte[] identityEvaluation = Bytes.concat(new byte[suite.elementLength()], f.setup().serverPublicKey());
        assertThatThrownBy(() -> RegistrationResponse.deserialize(suite, identityEvaluation))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("evaluated_message");
        RegistrationStart reg = f.client().startRegistration(PASSWORD);
        RegistrationResponse forgedResponse = new RegistrationResponse(suite, new byte[suite.elementLength()], f.setup().serverPublicKey());
        assertThatThrownBy(() -> f.client().finishRegistration(reg.state(), forgedResponse, Identities.NONE))
                .isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> KE3.deserialize(suite, new byte[suite.hashLength() + 1])).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> RegistrationRecord.deserialize(suite, new byte[3])).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> ServerLoginState.deserialize(new byte[] {9, 1})).isInstanceOf(InvalidMessageException.class);
        assertThatThrownBy(() -> ServerSetup.deserialize(new byte[] {1, 77})).isInstanceOf(InvalidMessageException.class);
        OpaqueSuite other = suite == OpaqueSuite.P256_SHA256 ? OpaqueSuite.RISTRETTO255_SHA512 : OpaqueSuite.P256_SHA256;
        KE1 otherSuiteKe1 = new OpaqueClient(other, IdentityKsf.INSTANCE, CONTEXT, RANDOM).startLogin(PASSWORD).ke1();
        assertThatThrownBy(() -> f.server().startLogin(f.record(), USER, otherSuiteKe1, Identities.NONE))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("suite");
    }

    @ParameterizedTest
    @EnumSource(OpaqueSuite.class)
    void serverSetupRoundTripsAndRefusesAMismatchedKeyPair(OpaqueSuite suite) {
        ServerSetup setup = ServerSetup.generate(suite, RANDOM);
        assertThat(ServerSetup.deserialize(setup.serialize()).serialize()).isEqualTo(setup.serialize());
        byte[] tampered = setup.serialize();
        tampered[tampered.length - suite.elementLength() - 1] ^= 1; // last byte of the private key
        assertThatThrownBy(() -> ServerSetup.deserialize(tampered)).isInstanceOf(InvalidMessageException.class);
        String hex = HexFormat.of().formatHex(setup.oprfSeed());
        assertThat(setup.toString()).doesNotContain(hex);
        assertThat(setup.toString()).doesNotContain(HexFormat.of().formatHex(setup.serverPrivateKey()));
    }

    @ParameterizedTest
    @EnumSource(OpaqueSuite.class)
    void stretchingFunctionsWorkAndMustMatch(OpaqueSuite suite) {
        KeyStretching argon = new Argon2idKsf(64, 1, 1);
        KeyStretching scrypt = new ScryptKsf(16, 1, 1);
        for (KeyStretching ksf : new KeyStretching[] {argon, scrypt}) {
            Fixture f = register(suite, ksf, Identities.NONE);
            LoginStart login = f.client().startLogin(PASSWORD);
            ServerLoginStart ke2 = f.server().startLogin(f.record(), USER, login.ke1(), Identities.NONE);
            ClientLoginResult done = f.client().finishLogin(login.state(), ke2.ke2(), Identities.NONE);
            assertThat(f.server().finishLogin(ke2.state(), done.ke3())).isEqualTo(done.sessionKey());
            // The same password through another KSF is another password.
            OpaqueClient otherKsf = new OpaqueClient(suite, ksf == argon ? scrypt : argon, CONTEXT, RANDOM);
            LoginStart other = otherKsf.startLogin(PASSWORD);
            KE2 otherKe2 = f.server().startLogin(f.record(), USER, other.ke1(), Identities.NONE).ke2();
            assertThatThrownBy(() -> otherKsf.finishLogin(other.state(), otherKe2, Identities.NONE))
                    .isInstanceOf(EnvelopeRecoveryException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(OpaqueSuite.class)
    void secretsStayOutOfToString(OpaqueSuite suite) {
        Fixture f = register(suite, IdentityKsf.INSTANCE, Identities.NONE);
        LoginStart login = f.client().startLogin(PASSWORD);
        ServerLoginStart ke2 = f.server().startLogin(f.record(), USER, login.ke1(), Identities.NONE);
        ClientLoginResult done = f.client().finishLogin(login.state(), ke2.ke2(), Identities.NONE);
        HexFormat hex = HexFormat.of();
        assertThat(done.toString()).doesNotContain(hex.formatHex(done.sessionKey())).doesNotContain(hex.formatHex(done.exportKey()));
        assertThat(ke2.state().toString()).doesNotContain(hex.formatHex(ke2.state().sessionKey()));
        assertThat(f.record().toString()).doesNotContain(hex.formatHex(f.record().maskingKey()));
        assertThat(login.state().toString()).doesNotContain("correct horse");
        assertThat(login.state().toString()).doesNotContain(hex.formatHex(PASSWORD));
    }
}
