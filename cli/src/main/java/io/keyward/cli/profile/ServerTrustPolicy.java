package io.keyward.cli.profile;

/**
 * Which server certificates a user command accepts (DESIGN.md, "Command line"):
 * <ol>
 *   <li>with {@code --fingerprint} / {@code KEYWARD_FINGERPRINT}: exactly that certificate, and the
 *       fingerprint is pinned once the command succeeds;</li>
 *   <li>a certificate the system trust store accepts for the host name;</li>
 *   <li>otherwise the certificate pinned in the profile for this server; a different one is refused,
 *       naming both fingerprints and how to re-pin;</li>
 *   <li>otherwise, for a loopback server only ({@code localhost}, 127.0.0.0/8, ::1), the certificate
 *       it presents on first contact, which is pinned and printed (trust on first use). Only a process
 *       on this machine can answer on a loopback address, so no network attacker can be first.</li>
 * </ol>
 * A system-trusted certificate is not pinned: public certificates are renewed every few months.
 *
 * <p>The check runs inside the TLS handshake; a refusal is remembered here because the HTTP client
 * reports a failed handshake without its reason.
 */
public final class ServerTrustPolicy {
    private final ServerAddress address;
    private final String explicit;
    private final String pinned;
    private volatile String newPin;
    private volatile boolean firstUse;
    private volatile String refusal;

    /**
     * @param explicit the canonical fingerprint from {@code --fingerprint} or {@code KEYWARD_FINGERPRINT}, or null
     * @param pinned the canonical fingerprint pinned in the profile for {@code address}, or null
     */
    public ServerTrustPolicy(ServerAddress address, String explicit, String pinned) {
        this.address = address;
        this.explicit = explicit;
        this.pinned = pinned;
    }

    public ServerAddress address() {
        return address;
    }

    /** True when a certificate the system trusts is acceptable without a fingerprint check. */
    public boolean acceptsSystemTrust() {
        return explicit == null;
    }

    /**
     * Decides on a certificate the system does not trust (or, with an explicit fingerprint, on any certificate).
     *
     * @return null to accept, else the one-line reason for refusing
     */
    public String check(String presented) {
        String reason = decide(presented);
        if (reason != null) {
            refusal = reason;
        }
        return reason;
    }

    private String decide(String presented) {
        if (explicit != null) {
            if (explicit.equals(presented)) {
                newPin = explicit.equals(pinned) ? null : presented;
                return null;
            }
            return "server certificate of " + address + " has SHA-256 fingerprint " + presented
                    + ", not the " + explicit + " given by --fingerprint/KEYWARD_FINGERPRINT; refused";
        }
        if (pinned != null) {
            if (pinned.equals(presented)) {
                return null;
            }
            return "server certificate of " + address + " changed: pinned " + pinned + ", presented " + presented
                    + "; if the server's certificate was replaced on purpose, compare the new fingerprint with the one"
                    + " it prints and re-pin with --fingerprint " + presented;
        }
        if (address.isLoopback()) {
            newPin = presented;
            firstUse = true;
            return null;
        }
        return "server certificate of " + address + " is not trusted by the system and no fingerprint is pinned"
                + " (it presented SHA-256 " + presented + "): compare it with the fingerprint the server printed and"
                + " pass --fingerprint " + presented + " (or set KEYWARD_FINGERPRINT)";
    }

    /** The fingerprint to pin after the command succeeds, or null when nothing new was trusted. */
    public String newPin() {
        return newPin;
    }

    /** True when the new pin came from trust on first use (the user should see it). */
    public boolean pinnedOnFirstUse() {
        return firstUse;
    }

    /** Why the last certificate was refused, or null. */
    public String refusal() {
        return refusal;
    }
}
