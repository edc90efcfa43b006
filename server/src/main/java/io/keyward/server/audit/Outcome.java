package io.keyward.server.audit;

import java.util.Locale;

/** How an audited request ended. The wire and database form is the lower-case name. */
public enum Outcome {
    /** The action happened (2xx). */
    SUCCESS,
    /** Authentication or authorization refused it, or it was rate limited (401, 403, 429). */
    DENIED,
    /** Anything else: bad input, not found, conflict, server error; the entry carries the problem code. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome for a final HTTP status. */
    public static Outcome forStatus(int status) {
        if (status >= 200 && status < 300) {
            return SUCCESS;
        }
        return status == 401 || status == 403 || status == 429 ? DENIED : FAILED;
    }

    /** Parses the wire name; an unknown name is an {@link IllegalArgumentException} naming it. */
    public static Outcome fromWire(String name) {
        for (Outcome outcome : values()) {
            if (outcome.wireName().equals(name)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown audit outcome \"" + name + "\" (success, denied or failed)");
    }
}
