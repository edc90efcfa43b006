package io.keyward.bench;

import io.keyward.crypto.ec.Group;
import io.keyward.crypto.ksf.IdentityKsf;
import io.keyward.crypto.opaque.ClientLoginResult;
import io.keyward.crypto.opaque.Identities;
import io.keyward.crypto.opaque.KE1;
import io.keyward.crypto.opaque.KE3;
import io.keyward.crypto.opaque.LoginStart;
import io.keyward.crypto.opaque.OpaqueClient;
import io.keyward.crypto.opaque.OpaqueServer;
import io.keyward.crypto.opaque.OpaqueSuite;
import io.keyward.crypto.opaque.RegistrationRecord;
import io.keyward.crypto.opaque.RegistrationRequest;
import io.keyward.crypto.opaque.RegistrationStart;
import io.keyward.crypto.opaque.ServerLoginStart;
import io.keyward.crypto.opaque.ServerLoginState;
import io.keyward.crypto.opaque.ServerSetup;
import io.keyward.crypto.oprf.Oprf;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The server's share of OPAQUE per suite, next to the operations it is made of, in one run so
 * that ratios are meaningful: KE2 generation and KE3 verification per login, the registration
 * response, one OPRF BlindEvaluate, and a bare variable-base and fixed-base scalar multiplication.
 * Server figures start from the bytes the server receives and end with the bytes it sends; the
 * client's work (and its key-stretching function, set to Identity here) is done once in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpaqueBenchmark {
    private static final byte[] PASSWORD = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private static final byte[] USER = "alice@example.org".getBytes(StandardCharsets.UTF_8);

    @Param({"ristretto255-sha512", "p256-sha256"})
    public String suiteId;

    private OpaqueSuite suite;
    private OpaqueServer server;
    private Oprf oprf;
    private byte[] registrationRequest;
    private byte[] record;
    private byte[] ke1;
    private byte[] serverState;
    private byte[] ke3;
    private Group.Scalar scalar;
    private Group.Element point;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        suite = OpaqueSuite.fromId(suiteId);
        server = new OpaqueServer(ServerSetup.generate(suite, random), new byte[0], random);
        OpaqueClient client = new OpaqueClient(suite, IdentityKsf.INSTANCE, new byte[0], random);

        RegistrationStart reg = client.startRegistration(PASSWORD);
        registrationRequest = reg.request().serialize();
        RegistrationRecord registered = client.finishRegistration(reg.state(),
                server.createRegistrationResponse(reg.request(), USER), Identities.NONE).record();
        record = registered.serialize();

        LoginStart login = client.startLogin(PASSWORD);
        ke1 = login.ke1().serialize();
        ServerLoginStart ke2 = server.startLogin(registered, USER, login.ke1(), Identities.NONE);
        serverState = ke2.state().serialize();
        ClientLoginResult done = client.finishLogin(login.state(), ke2.ke2(), Identities.NONE);
        ke3 = done.ke3().serialize();

        oprf = Oprf.of(suite.oprfSuite());
        Group group = suite.group();
        scalar = group.randomScalar(random);
        point = group.generator().multiply(group.randomScalar(random));
    }

    /** Login, step 1 on the server: KE1 and the stored record in, KE2 and the state to keep out. */
    @Benchmark
    public void serverKe2(Blackhole blackhole) {
        ServerLoginStart start = server.startLogin(RegistrationRecord.deserialize(suite, record), USER,
                KE1.deserialize(suite, ke1), Identities.NONE);
        blackhole.consume(start.ke2().serialize());
        blackhole.consume(start.state().serialize());
    }

    /** Login, step 2 on the server: the stored state and KE3 in, the session key out. */
    @Benchmark
    public byte[] serverKe3() {
        return server.finishLogin(ServerLoginState.deserialize(serverState), KE3.deserialize(suite, ke3));
    }

    /** Registration on the server: the request in, the response out. */
    @Benchmark
    public byte[] serverRegistrationResponse() {
        return server.createRegistrationResponse(RegistrationRequest.deserialize(suite, registrationRequest), USER).serialize();
    }

    /** One OPRF BlindEvaluate, element already deserialized. */
    @Benchmark
    public Group.Element oprfBlindEvaluate() {
        return oprf.blindEvaluate(scalar, point);
    }

    /** A bare scalar multiplication of an arbitrary point, the unit the server's cost is measured in. */
    @Benchmark
    public Group.Element scalarMultiply() {
        return point.multiply(scalar);
    }

    /** A scalar multiplication of the generator (key-share generation). */
    @Benchmark
    public Group.Element scalarMultiplyGenerator() {
        return suite.group().generator().multiply(scalar);
    }
}
