package io.keyward.client.secrets;

import io.keyward.crypto.ssss.KeyDescription;

/** A secret-storage key as the server describes it (never the key). */
public record SecretKeyInfo(String keyId, boolean isDefault, KeyDescription description) {}
