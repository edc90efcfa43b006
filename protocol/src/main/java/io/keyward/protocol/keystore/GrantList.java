package io.keyward.protocol.keystore;

import java.util.List;

/** {@code GET /v1/keystores/{ks}/grants}. */
public record GrantList(List<GrantInfo> grants) {}
