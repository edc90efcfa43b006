package io.keyward.protocol.keystore;

import java.util.List;

/** {@code GET /v1/keystores}: the caller's own keystores. */
public record KeystoreList(List<KeystoreInfo> keystores) {}
