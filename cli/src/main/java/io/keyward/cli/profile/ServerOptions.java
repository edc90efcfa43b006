package io.keyward.cli.profile;

import picocli.CommandLine.Option;

/** {@code --server} and {@code --fingerprint}, shared by every command that talks to a server. */
public final class ServerOptions {
    @Option(names = "--server", paramLabel = "URL",
            description = "Server URL, https://HOST[:PORT] (default: the profile's server, else " + ServerAddress.DEFAULT + ").")
    String server;

    @Option(names = "--fingerprint", paramLabel = "SHA256",
            description = {"Accept exactly the server certificate with this SHA-256 fingerprint (as the server prints it)"
                    + " and pin it in the profile; also KEYWARD_FINGERPRINT.",
                "Without it: a certificate the system trusts, else the pinned one, else on a loopback address"
                        + " the one presented on first contact (pinned and printed)."})
    String fingerprint;

    /** The {@code --server} value as given, or null. */
    public String serverFlag() {
        return server;
    }

    /** Sets the server when the command learned it elsewhere (a bootstrap URL). */
    public void serverFlag(String url) {
        this.server = url;
    }

    /** The server: {@code --server}, else the profile's, else {@value ServerAddress#DEFAULT}. */
    public ServerAddress address(Profile profile) {
        if (server != null) {
            return ServerAddress.parse(server);
        }
        return ServerAddress.parse(profile.server() != null ? profile.server() : ServerAddress.DEFAULT);
    }

    /** The canonical fingerprint from {@code --fingerprint} or {@code KEYWARD_FINGERPRINT}, or null. */
    public String explicitFingerprint() {
        if (fingerprint != null) {
            return Fingerprints.parse(fingerprint, "--fingerprint");
        }
        String env = Environment.get("KEYWARD_FINGERPRINT");
        return env == null ? null : Fingerprints.parse(env, "KEYWARD_FINGERPRINT");
    }
}
