package io.keyward.server.keystore;

/** Who asks: the session's org and user key. */
public record Caller(String org, String userKey) {}
