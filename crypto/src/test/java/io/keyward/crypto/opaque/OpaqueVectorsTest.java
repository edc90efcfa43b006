package io.keyward.crypto.opaque;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.crypto.ksf.IdentityKsf;
import io.keyward.crypto.testing.Vectors;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9807 appendix C vectors for the suites Keyward speaks, real and fake, byte for byte. */
class OpaqueVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static OpaqueSuite suiteOf(JsonNode config) {
        String group = config.get("Group").asText();
        for (OpaqueSuite suite : OpaqueSuite.values()) {
            if (suite.oprfSuite().identifier().equals(config.get("OPRF").asText())
                    && (group.equals("ristretto255") || group.startsWith("P256"))) {
                return suite;
            }
        }
        return null; // curve25519 AKE or a suite not built here
    }

    static List<JsonNode> vectors(boolean fake) throws IOException {
        JsonNode all = new ObjectMapper().readTree(Vectors.file("opaque-rfc9807-vectors.json").toFile());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode v : all) {
            if (v.get("config").get("Fake").asText().equals(fake ? "True" : "False") && suiteOf(v.get("config")) != null) {
                out.add(v);
            }
        }
        return out;
    }

    static Stream<Arguments> realVectors() throws IOException {
        return vectors(false).stream().map(v -> Arguments.of(suiteOf(v.get("config")).id() + identitiesLabel(v), v));
    }

    static Stream<Arguments> fakeVectors() throws IOException {
        return vectors(true).stream().map(v -> Arguments.of(suiteOf(v.get("config")).id() + identitiesLabel(v), v));
    }

    private static String identitiesLabel(JsonNode v) {
        return v.get("inputs").has("client_identity") ? " with identities" : "";
    }

    static byte[] hex(JsonNode node, String field) {
        return HEX.parseHex(node.get(field).asText());
    }

    static Identities identities(JsonNode inputs) {
        return new Identities(inputs.has("client_identity") ? hex(inputs, "client_identity") : null,
                inputs.has("server_identity") ? hex(inputs, "server_identity") : null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realVectors")
    void realVectorPasses(String name, JsonNode v) {
        OpaqueSuite suite = suiteOf(v.get("config"));
        JsonNode in = v.get("inputs");
        JsonNode out = v.get("outputs");
        byte[] context = hex(v.get("config"), "Context");
        byte[] password = hex(in, "password");
        byte[] credentialId = hex(in, "credential_identifier");
        Identities ids = identities(in);
        SecureRandom unused = new SecureRandom();
        OpaqueClient client = new OpaqueClient(suite, IdentityKsf.INSTANCE, context, unused);
        ServerSetup setup = new ServerSetup(suite, hex(in, "oprf_seed"), hex(in, "server_private_key"), hex(in, "server_public_key"));
        OpaqueServer server = new OpaqueServer(setup, context, unused);

        // Registration, each message through bytes as it would travel.
        RegistrationStart reg = client.startRegistration(password, suite.group().deserializeScalar(hex(in, "blind_registration")));
        assertThat(HEX.formatHex(reg.request().serialize())).isEqualTo(out.get("registration_request").asText());
        RegistrationResponse response = server.createRegistrationResponse(
                RegistrationRequest.deserialize(suite, reg.request().serialize()), credentialId);
        assertThat(HEX.formatHex(response.serialize())).isEqualTo(out.get("registration_response").asText());
        ClientRegistrationResult registered = client.finishRegistration(reg.state(),
                RegistrationResponse.deserialize(suite, response.serialize()), ids, hex(in, "envelope_nonce"));
        assertThat(HEX.formatHex(registered.record().serialize())).isEqualTo(out.get("registration_upload").asText());
        assertThat(HEX.formatHex(registered.exportKey())).isEqualTo(out.get("export_key").asText());

        // Login.
        LoginStart login = client.startLogin(password, suite.group().deserializeScalar(hex(in, "blind_login")),
                hex(in, "client_nonce"), hex(in, "client_keyshare_seed"));
        assertThat(HEX.formatHex(login.ke1().serialize())).isEqualTo(out.get("KE1").asText());
        RegistrationRecord stored = RegistrationRecord.deserialize(suite, registered.record().serialize());
        ServerLoginStart ke2 = server.startLogin(stored, credentialId, KE1.deserialize(suite, login.ke1().serialize()), ids,
                hex(in, "masking_nonce"), hex(in, "server_nonce"), hex(in, "server_keyshare_seed"));
        assertThat(HEX.formatHex(ke2.ke2().serialize())).isEqualTo(out.get("KE2").asText());
        ClientLoginResult finished = client.finishLogin(login.state(), KE2.deserialize(suite, ke2.ke2().serialize()), ids);
        assertThat(HEX.formatHex(finished.ke3().serialize())).isEqualTo(out.get("KE3").asText());
        assertThat(HEX.formatHex(finished.sessionKey())).isEqualTo(out.get("session_key").asText());
        assertThat(HEX.formatHex(finished.exportKey())).isEqualTo(out.get("export_key").asText());
        assertThat(finished.serverPublicKey()).isEqualTo(setup.serverPublicKey());

        // The server resumes from the stored state bytes, as another node would.
        ServerLoginState resumed = ServerLoginState.deserialize(ke2.state().serialize());
        byte[] sessionKey = server.finishLogin(resumed, KE3.deserialize(suite, finished.ke3().serialize()));
        assertThat(HEX.formatHex(sessionKey)).isEqualTo(out.get("session_key").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fakeVectors")
    void fakeVectorPasses(String name, JsonNode v) {
        OpaqueSuite suite = suiteOf(v.get("config"));
        JsonNode in = v.get("inputs");
        byte[] context = hex(v.get("config"), "Context");
        ServerSetup setup = new ServerSetup(suite, hex(in, "oprf_seed"), hex(in, "server_private_key"), hex(in, "server_public_key"));
        OpaqueServer server = new OpaqueServer(setup, context, new SecureRandom());
        RegistrationRecord fake = new RegistrationRecord(suite, hex(in, "client_public_key"), hex(in, "masking_key"),
                new byte[suite.envelopeLength()]);
        ServerLoginStart ke2 = server.startLogin(fake, hex(in, "credential_identifier"), KE1.deserialize(suite, hex(in, "KE1")),
                identities(in), hex(in, "masking_nonce"), hex(in, "server_nonce"), hex(in, "server_keyshare_seed"));
        assertThat(HEX.formatHex(ke2.ke2().serialize())).isEqualTo(v.get("outputs").get("KE2").asText());
    }

    @Test
    void everySuiteHasItsVectors() throws IOException {
        for (OpaqueSuite suite : OpaqueSuite.values()) {
            assertThat(vectors(false)).filteredOn(v -> suiteOf(v.get("config")) == suite).hasSize(2);
            assertThat(vectors(true)).filteredOn(v -> suiteOf(v.get("config")) == suite).hasSize(1);
        }
    }

    @Test
    void aCorruptedVectorFails() throws IOException {
        JsonNode v = vectors(false).getFirst();
        OpaqueSuite suite = suiteOf(v.get("config"));
        JsonNode in = v.get("inputs");
        JsonNode out = v.get("outputs");
        byte[] context = hex(v.get("config"), "Context");
        OpaqueClient client = new OpaqueClient(suite, IdentityKsf.INSTANCE, context, new SecureRandom());
        byte[] password = hex(in, "password");
        // A record whose envelope has one flipped bit must not open.
        byte[] upload = hex(out, "registration_upload");
        upload[upload.length - 1] ^= 1;
        ServerSetup setup = new ServerSetup(suite, hex(in, "oprf_seed"), hex(in, "server_private_key"), hex(in, "server_public_key"));
        OpaqueServer server = new OpaqueServer(setup, context, new SecureRandom());
        LoginStart login = client.startLogin(password, suite.group().deserializeScalar(hex(in, "blind_login")),
                hex(in, "client_nonce"), hex(in, "client_keyshare_seed"));
        ServerLoginStart ke2 = server.startLogin(RegistrationRecord.deserialize(suite, upload), hex(in, "credential_identifier"),
                login.ke1(), identities(in), hex(in, "masking_nonce"), hex(in, "server_nonce"), hex(in, "server_keyshare_seed"));
        assertThat(HEX.formatHex(ke2.ke2().serialize())).isNotEqualTo(out.get("KE2").asText());
        assertThatThrownBy(() -> client.finishLogin(login.state(), ke2.ke2(), identities(in)))
                .isInstanceOf(EnvelopeRecoveryException.class);
    }
}
