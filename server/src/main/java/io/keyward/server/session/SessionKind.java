package io.keyward.server.session;

/**
 * A registration session (the first login of a pending account) accepts exactly one request,
 * {@code POST /v1/account/complete}; a request session accepts requests until it ends.
 */
public enum SessionKind {
    REGISTRATION("registration"),
    REQUEST("request");

    private final String wire;

    SessionKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static SessionKind of(String wire) {
        return wire.equals("registration") ? REGISTRATION : REQUEST;
    }
}
