package io.keyward.client.secrets;

import java.time.Instant;
import java.util.List;

/** An item as listed or in its history: no content. {@code deleted} only in a history. */
public record SecretInfo(String name, long version, List<String> keyIds, boolean deleted, Instant at) {}
