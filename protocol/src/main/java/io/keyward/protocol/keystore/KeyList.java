package io.keyward.protocol.keystore;

import java.util.List;

/** {@code GET /v1/keystores/{ks}/keys}. */
public record KeyList(List<KeyInfo> keys) {}
