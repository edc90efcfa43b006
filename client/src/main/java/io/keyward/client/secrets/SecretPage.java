package io.keyward.client.secrets;

import java.util.List;

/** One page of {@link SecretStorage#list}; {@code nextAfter} is null on the last page. */
public record SecretPage(List<SecretInfo> items, String nextAfter) {}
