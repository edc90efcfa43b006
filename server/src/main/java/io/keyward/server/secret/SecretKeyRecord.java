package io.keyward.server.secret;

import com.fasterxml.jackson.databind.JsonNode;

/** One stored secret-storage key description (never the key). */
record SecretKeyRecord(String keyId, JsonNode description, boolean isDefault) {}
