package io.keyward.cli.profile;

import io.keyward.cli.CliException;
import io.keyward.client.KeywardApiException;
import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import java.io.PrintWriter;
import java.security.cert.CertificateException;

/**
 * Connects to a server as {@link ServerTrustPolicy} says, and records in the profile a fingerprint
 * that the connection newly trusted (given with {@code --fingerprint}, or on first use of a loopback
 * server, which is also printed). The pin is recorded as soon as the server has answered over TLS, so
 * that a later failure of the command (a wrong password) does not make the next run trust anew.
 */
public final class ServerConnection {
    private ServerConnection() {}

    /**
     * @param notices where the first-use pin is announced (standard error, so that {@code --json} output stays clean)
     * @throws CliException {@code server_untrusted} with the policy's one-line reason
     */
    public static KeywardClient open(ProfileStore store, ServerAddress address, ServerOptions options, PrintWriter notices) {
        String explicit = options.explicitFingerprint();
        Profile profile = store.load();
        ServerTrustPolicy policy = new ServerTrustPolicy(address, explicit, profile.pinFor(address));
        if (policy.acceptsSystemTrust()) {
            try {
                return KeywardClient.connect(address.uri(), ServerTrust.system());
            } catch (KeywardApiException e) {
                if (KeywardApiException.CONNECTION_FAILED.equals(e.code())) {
                    throw unreachable(address, e);
                }
                if (!KeywardApiException.SERVER_UNTRUSTED.equals(e.code())) {
                    throw e;
                }
                // Not a certificate the system trusts: the pin, the fingerprint or first use decide.
            }
        }
        KeywardClient client;
        try {
            client = KeywardClient.connect(address.uri(), ServerTrust.custom(chain -> {
                String refusal = policy.check(Fingerprints.of(chain[0]));
                if (refusal != null) {
                    throw new CertificateException(refusal);
                }
            }));
        } catch (KeywardApiException e) {
            if (policy.refusal() != null) {
                throw new CliException(KeywardApiException.SERVER_UNTRUSTED + ": " + policy.refusal());
            }
            if (KeywardApiException.CONNECTION_FAILED.equals(e.code())) {
                throw unreachable(address, e);
            }
            throw e;
        }
        String pin = policy.newPin();
        if (pin != null) {
            store.save(store.load().withPin(address, pin));
            if (policy.pinnedOnFirstUse()) {
                // Not prefixed "keyward:", which starts error lines: this is a notice, the command goes on.
                notices.println("Pinned the certificate of " + address + " on first contact (loopback address):"
                        + " SHA-256 " + pin + "; compare it with the fingerprint the server printed.");
                notices.flush();
            }
        }
        return client;
    }

    /** Says why in words a user acts on, never with a Java class name. */
    private static CliException unreachable(ServerAddress address, KeywardApiException e) {
        String reason = switch (e.getCause()) {
            case java.net.ConnectException c -> "connection refused (is the server running on that port?)";
            case java.net.http.HttpTimeoutException t -> "timed out";
            case java.net.UnknownHostException u -> "unknown host " + address.host();
            case null, default -> {
                Throwable cause = e.getCause();
                String message = cause == null ? null : cause.getMessage();
                yield message == null || message.isBlank() ? "the connection failed" : message.lines().findFirst().orElse("");
            }
        };
        return new CliException(KeywardApiException.CONNECTION_FAILED + ": cannot reach " + address + ": " + reason);
    }
}
