package io.keyward.protocol.keystore;

/** {@code POST /v1/keystores}. {@code lockMode} null means {@code server}, the only mode this node offers. */
public record CreateKeystoreRequest(String lockMode) {}
