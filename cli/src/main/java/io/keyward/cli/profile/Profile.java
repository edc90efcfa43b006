package io.keyward.cli.profile;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the user commands remember between runs (DESIGN.md, "Command line"): the last server, org and
 * user, and the pinned certificate fingerprint of every server trusted by pin. Never a password, a
 * session id or a session key: each command logs in again (see the user commands' help).
 *
 * @param server the last server's origin ({@code https://host:port}), or null
 * @param org the last organization, or null
 * @param userId the last user id, or null
 * @param pins server origin to pinned SHA-256 certificate fingerprint
 */
public record Profile(String server, String org, String userId, Map<String, String> pins) {
    public static final Profile EMPTY = new Profile(null, null, null, Map.of());

    public Profile {
        pins = pins == null ? Map.of() : Map.copyOf(pins);
    }

    public String pinFor(ServerAddress address) {
        return pins.get(address.origin());
    }

    public Profile withPin(ServerAddress address, String fingerprint) {
        Map<String, String> updated = new TreeMap<>(pins);
        updated.put(address.origin(), fingerprint);
        return new Profile(server, org, userId, updated);
    }

    public Profile withAccount(ServerAddress address, String org, String userId) {
        return new Profile(address.origin(), org, userId, pins);
    }

    /** The same profile without its user (after {@code keyward logout}); server and pins stay. */
    public Profile withoutUser() {
        return new Profile(server, org, null, pins);
    }
}
