package io.keyward.server.secret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keyward.crypto.ssss.AesHmacSha2;
import io.keyward.crypto.ssss.KeyCheck;
import io.keyward.crypto.ssss.SsssException;
import io.keyward.crypto.ssss.SsssItem;
import io.keyward.protocol.ErrorCodes;
import io.keyward.protocol.WireJson;
import io.keyward.server.audit.TransactionAudit;
import io.keyward.server.http.ApiException;
import io.keyward.server.session.SessionRecord;
import io.keyward.server.store.Database;
import io.keyward.server.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user's secret-storage keys (descriptions only) and items (Matrix SSSS JSON, encrypted by the client).
 * The server checks the shape and sizes of what it stores and never its content: it holds no key that
 * could open an item. Items are versioned; every write names the version it replaces (check-and-set), and
 * the primary key (org, user, name, version) lets exactly one of several concurrent writers of one
 * version commit.
 */
public final class SecretService {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_KEY_NAME = 200;
    private static final int MAX_PAGE = 500;

    private final Database db;
    private final SecretLimits limits;
    private final Clock clock;

    public SecretService(Database db, SecretLimits limits, Clock clock) {
        this.db = db;
        this.limits = limits;
        this.clock = clock;
    }

    public SecretLimits limits() {
        return limits;
    }

    // ---- keys ----

    public Map<String, Object> listKeys(SessionRecord session) {
        List<Map<String, Object>> keys = new ArrayList<>();
        String defaultKey = null;
        for (SecretKeyRecord key : db.inTransaction(c -> keys(c, session))) {
            keys.add(keyView(key));
            if (key.isDefault()) {
                defaultKey = key.keyId();
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("default_key", defaultKey);
        answer.put("keys", keys);
        return answer;
    }

    public Map<String, Object> getKey(SessionRecord session, String keyId) {
        checkKeyId(keyId);
        return keyView(db.inTransaction(c -> findKey(c, session, keyId)));
    }

    /**
     * Stores (or replaces) a key description. The user's first key becomes the default; {@code makeDefault}
     * makes any key the default.
     */
    public Map<String, Object> putKey(SessionRecord session, String keyId, JsonNode body, TransactionAudit audit) {
        checkKeyId(keyId);
        if (body == null || !body.isObject()) {
            throw invalid("the body must be {\"description\": {...}, \"default\"?: bool}");
        }
        String description = json(validDescription(body.get("description")));
        JsonNode makeDefaultNode = body.get("default");
        if (makeDefaultNode != null && !makeDefaultNode.isBoolean()) {
            throw invalid("field default must be a boolean");
        }
        boolean makeDefault = makeDefaultNode != null && makeDefaultNode.booleanValue();
        db.inTransaction(c -> {
            List<SecretKeyRecord> existing = keys(c, session);
            boolean known = existing.stream().anyMatch(k -> k.keyId().equals(keyId));
            boolean hasDefault = existing.stream().anyMatch(SecretKeyRecord::isDefault);
            if (!known && existing.size() >= limits.maxKeys()) {
                throw new ApiException(409, ErrorCodes.SECRET_LIMIT,
                        "an account holds at most " + limits.maxKeys() + " secret-storage keys");
            }
            if (known) {
                update(c, "UPDATE secret_keys SET description = ? WHERE org = ? AND user_key = ? AND key_id = ?",
                        description, session.org(), session.userKey(), keyId);
            } else {
                update(c, "INSERT INTO secret_keys (org, user_key, key_id, description, is_default, created_ms)"
                        + " VALUES (?, ?, ?, ?, 0, ?)", session.org(), session.userKey(), keyId, description, clock.millis());
            }
            if (makeDefault || !hasDefault) {
                setDefault(c, session, keyId);
            }
            audit.success(c);
            return null;
        });
        return getKey(session, keyId);
    }

    public Map<String, Object> makeDefault(SessionRecord session, String keyId, TransactionAudit audit) {
        checkKeyId(keyId);
        db.inTransaction(c -> {
            findKey(c, session, keyId);
            setDefault(c, session, keyId);
            audit.success(c);
            return null;
        });
        return getKey(session, keyId);
    }

    /** Deletes a key description unless some current item is encrypted under this key only. */
    public Map<String, Object> deleteKey(SessionRecord session, String keyId, TransactionAudit audit) {
        checkKeyId(keyId);
        return db.inTransaction(c -> {
            findKey(c, session, keyId);
            List<String> dependent = new ArrayList<>();
            for (ItemRow row : current(c, session, "", Integer.MAX_VALUE)) {
                if (row.keyIds().equals(keyId)) {
                    dependent.add(row.name());
                }
            }
            if (!dependent.isEmpty()) {
                throw new ApiException(409, ErrorCodes.SECRET_KEY_IN_USE, dependent.size()
                        + " item(s) are encrypted under this key only (for example " + dependent.getFirst()
                        + "); encrypt them under another key first");
            }
            update(c, "DELETE FROM secret_keys WHERE org = ? AND user_key = ? AND key_id = ?",
                    session.org(), session.userKey(), keyId);
            audit.success(c);
            return Map.of("key_id", keyId, "deleted", true);
        });
    }

    // ---- items ----

    /**
     * Stores a new version of {@code name}: {@code replaces} must be the current version (0 for a name never
     * written), else 409 {@code version_conflict}.
     */
    public Map<String, Object> put(SessionRecord session, String name, long replaces, JsonNode item, TransactionAudit audit) {
        checkName(name);
        ValidItem valid = validItem(item);
        try {
            return db.inTransaction(c -> {
                Set<String> known = new TreeSet<>();
                for (SecretKeyRecord key : keys(c, session)) {
                    known.add(key.keyId());
                }
                for (String keyId : valid.keyIds()) {
                    if (!known.contains(keyId)) {
                        throw new ApiException(400, ErrorCodes.SECRET_KEY_NOT_FOUND,
                                "the item is encrypted under key " + keyId + ", which this account has not described");
                    }
                }
                ItemRow current = latest(c, session, name);
                long currentVersion = current == null ? 0 : current.version();
                if (replaces != currentVersion) {
                    throw versionConflict(name, currentVersion);
                }
                if ((current == null || current.deleted()) && liveCount(c, session) >= limits.maxItems()) {
                    throw new ApiException(409, ErrorCodes.SECRET_LIMIT,
                            "an account holds at most " + limits.maxItems() + " secrets");
                }
                long version = currentVersion + 1;
                insert(c, session, name, version, valid.json(), String.join(" ", valid.keyIds()), false);
                audit.success(c);
                return versionView(name, version);
            });
        } catch (StoreException e) {
            throw lostRace(e, name);
        }
    }

    /** Deletes {@code name} (a tombstone version); {@code replaces} as for {@link #put}. */
    public Map<String, Object> delete(SessionRecord session, String name, long replaces, TransactionAudit audit) {
        checkName(name);
        try {
            return db.inTransaction(c -> {
                ItemRow current = latest(c, session, name);
                if (current == null || current.deleted()) {
                    throw notFound(name);
                }
                if (replaces != current.version()) {
                    throw versionConflict(name, current.version());
                }
                insert(c, session, name, current.version() + 1, null, "", true);
                audit.success(c);
                Map<String, Object> answer = versionView(name, current.version() + 1);
                answer.put("deleted", true);
                return answer;
            });
        } catch (StoreException e) {
            throw lostRace(e, name);
        }
    }

    /** The current item, or the given version ({@code version} null: current). */
    public Map<String, Object> get(SessionRecord session, String name, Long version) {
        checkName(name);
        ItemRow row = db.inTransaction(c -> version == null ? latest(c, session, name) : exact(c, session, name, version));
        if (row == null || row.deleted()) {
            throw notFound(name);
        }
        Map<String, Object> answer = versionView(name, row.version());
        answer.put("key_ids", keyIds(row.keyIds()));
        answer.put("created_at", Instant.ofEpochMilli(row.createdMs()).toString());
        answer.put("item", parse(row.item()));
        return answer;
    }

    /** Current items by name, after {@code after} (exclusive), at most {@code limit}. */
    public Map<String, Object> list(SessionRecord session, String after, int limit) {
        if (after != null && !after.isEmpty()) {
            checkName(after);
        }
        int pageSize = Math.clamp(limit <= 0 ? 100 : limit, 1, MAX_PAGE);
        List<ItemRow> rows = db.inTransaction(c -> current(c, session, after == null ? "" : after, pageSize + 1));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ItemRow row : rows.subList(0, Math.min(pageSize, rows.size()))) {
            Map<String, Object> view = versionView(row.name(), row.version());
            view.put("key_ids", keyIds(row.keyIds()));
            view.put("updated_at", Instant.ofEpochMilli(row.createdMs()).toString());
            items.add(view);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", items);
        answer.put("next_after", rows.size() > pageSize ? items.getLast().get("name") : null);
        return answer;
    }

    /** Every version of {@code name}, oldest first (deletions included, without content). */
    public Map<String, Object> history(SessionRecord session, String name) {
        checkName(name);
        List<ItemRow> rows = db.inTransaction(c -> {
            List<ItemRow> found = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT name, version, item, key_ids, deleted, created_ms"
                    + " FROM secret_items WHERE org = ? AND user_key = ? AND name = ? ORDER BY version")) {
                bind(select, session.org(), session.userKey(), name);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        found.add(row(rs));
                    }
                }
            }
            return found;
        });
        if (rows.isEmpty()) {
            throw notFound(name);
        }
        List<Map<String, Object>> versions = new ArrayList<>();
        for (ItemRow row : rows) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("version", row.version());
            view.put("deleted", row.deleted());
            view.put("key_ids", keyIds(row.keyIds()));
            view.put("created_at", Instant.ofEpochMilli(row.createdMs()).toString());
            versions.add(view);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("name", name);
        answer.put("versions", versions);
        return answer;
    }

    // ---- validation ----

    private record ValidItem(String json, List<String> keyIds) {}

    /** {@code {"encrypted": {"<key id>": {"iv","ciphertext","mac"}}}}, nothing else; sizes checked. */
    private ValidItem validItem(JsonNode item) {
        if (item == null || !item.isObject() || item.size() != 1 || !item.has("encrypted")) {
            throw invalid("item must be {\"encrypted\": {\"<key id>\": {\"iv\", \"ciphertext\", \"mac\"}}}");
        }
        JsonNode encrypted = item.get("encrypted");
        if (!encrypted.isObject() || encrypted.isEmpty()) {
            throw invalid("item.encrypted must be an object with at least one key id");
        }
        ObjectNode clean = NODES.objectNode();
        ObjectNode cleanEncrypted = clean.putObject("encrypted");
        List<String> keyIds = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = encrypted.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String keyId = entry.getKey();
            if (!SecretLimits.KEY_ID.matcher(keyId).matches()) {
                throw invalid("item.encrypted has a key id that is not 1-64 characters from [A-Za-z0-9._-]");
            }
            JsonNode value = entry.getValue();
            if (!value.isObject() || value.size() != 3 || !text(value, "iv") || !text(value, "ciphertext") || !text(value, "mac")) {
                throw invalid("item.encrypted." + keyId + " must be {\"iv\", \"ciphertext\", \"mac\"} (base64 strings)");
            }
            try {
                SsssItem.fromBase64(value.get("iv").asText(), value.get("ciphertext").asText(), value.get("mac").asText());
            } catch (SsssException e) {
                throw invalid("item.encrypted." + keyId + ": " + e.getMessage());
            }
            ObjectNode cleanValue = cleanEncrypted.putObject(keyId);
            cleanValue.put("iv", value.get("iv").asText());
            cleanValue.put("ciphertext", value.get("ciphertext").asText());
            cleanValue.put("mac", value.get("mac").asText());
            keyIds.add(keyId);
        }
        String json = json(clean);
        int size = json.getBytes(StandardCharsets.UTF_8).length;
        if (size > limits.maxItemBytes()) {
            throw new ApiException(413, ErrorCodes.SECRET_LIMIT,
                    "the item is " + size + " bytes; items are at most " + limits.maxItemBytes() + " bytes");
        }
        return new ValidItem(json, keyIds.stream().sorted().toList());
    }

    /** A Matrix {@code m.secret_storage.v1.aes-hmac-sha2} key description, optionally with {@code m.pbkdf2}. */
    private static ObjectNode validDescription(JsonNode d) {
        if (d == null || !d.isObject()) {
            throw invalid("field description must be an object");
        }
        if (!AesHmacSha2.ALGORITHM.equals(d.path("algorithm").asText(null))) {
            throw invalid("description.algorithm must be " + AesHmacSha2.ALGORITHM);
        }
        ObjectNode clean = NODES.objectNode();
        clean.put("algorithm", AesHmacSha2.ALGORITHM);
        JsonNode name = d.get("name");
        if (name != null && !name.isNull()) {
            if (!name.isTextual() || name.asText().length() > MAX_KEY_NAME || name.asText().chars().anyMatch(Character::isISOControl)) {
                throw invalid("description.name must be at most " + MAX_KEY_NAME + " printable characters");
            }
            clean.put("name", name.asText());
        }
        if (!text(d, "iv") || !text(d, "mac")) {
            throw invalid("description.iv and description.mac (the key check) are required base64 strings");
        }
        try {
            KeyCheck.fromBase64(d.get("iv").asText(), d.get("mac").asText());
        } catch (SsssException e) {
            throw invalid("description key check: " + e.getMessage());
        }
        clean.put("iv", d.get("iv").asText());
        clean.put("mac", d.get("mac").asText());
        JsonNode passphrase = d.get("passphrase");
        if (passphrase != null && !passphrase.isNull()) {
            if (!passphrase.isObject() || !"m.pbkdf2".equals(passphrase.path("algorithm").asText(null))
                    || !text(passphrase, "salt") || passphrase.get("salt").asText().length() > 256
                    || !passphrase.path("iterations").canConvertToInt() || passphrase.get("iterations").asInt() < 1) {
                throw invalid("description.passphrase must be {\"algorithm\": \"m.pbkdf2\", \"salt\", \"iterations\", \"bits\"?}");
            }
            ObjectNode p = clean.putObject("passphrase");
            p.put("algorithm", "m.pbkdf2");
            p.put("salt", passphrase.get("salt").asText());
            p.put("iterations", passphrase.get("iterations").asInt());
            if (passphrase.has("bits")) {
                if (!passphrase.get("bits").canConvertToInt() || passphrase.get("bits").asInt() != 256) {
                    throw invalid("description.passphrase.bits must be 256");
                }
                p.put("bits", 256);
            }
        }
        return clean;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > limits.maxNameLength()
                || !SecretLimits.NAME_CHARS.matcher(name).matches()) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD,
                    "a secret name is 1-" + limits.maxNameLength() + " characters from [A-Za-z0-9._-]");
        }
    }

    private static void checkKeyId(String keyId) {
        if (keyId == null || !SecretLimits.KEY_ID.matcher(keyId).matches()) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "a key id is 1-64 characters from [A-Za-z0-9._-]");
        }
    }

    private static boolean text(JsonNode node, String field) {
        return node.has(field) && node.get(field).isTextual();
    }

    private static ApiException invalid(String detail) {
        return new ApiException(400, ErrorCodes.INVALID_FIELD, detail);
    }

    private static ApiException notFound(String name) {
        return new ApiException(404, ErrorCodes.SECRET_NOT_FOUND, "no secret named " + name);
    }

    private static ApiException versionConflict(String name, long current) {
        return new ApiException(409, ErrorCodes.VERSION_CONFLICT,
                "the current version of " + name + " is " + current + "; read it and retry");
    }

    /** A concurrent writer inserted this version first (primary key), or the database chose it as the winner. */
    private static RuntimeException lostRace(StoreException e, String name) {
        if (e.reason() == StoreException.Reason.DUPLICATE_KEY || e.reason() == StoreException.Reason.CONFLICT) {
            return new ApiException(409, ErrorCodes.VERSION_CONFLICT,
                    "another session wrote " + name + " at the same time; read it and retry");
        }
        return e;
    }

    // ---- rows ----

    private record ItemRow(String name, long version, String item, String keyIds, boolean deleted, long createdMs) {}

    private static ItemRow row(ResultSet rs) throws SQLException {
        return new ItemRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5) == 1, rs.getLong(6));
    }

    private static ItemRow latest(Connection c, SessionRecord s, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT name, version, item, key_ids, deleted, created_ms"
                + " FROM secret_items WHERE org = ? AND user_key = ? AND name = ? ORDER BY version DESC LIMIT 1")) {
            bind(select, s.org(), s.userKey(), name);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static ItemRow exact(Connection c, SessionRecord s, String name, long version) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT name, version, item, key_ids, deleted, created_ms"
                + " FROM secret_items WHERE org = ? AND user_key = ? AND name = ? AND version = ?")) {
            bind(select, s.org(), s.userKey(), name, version);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    private static final String CURRENT = " FROM secret_items s WHERE s.org = ? AND s.user_key = ? AND s.deleted = 0"
            + " AND s.version = (SELECT MAX(t.version) FROM secret_items t WHERE t.org = s.org AND t.user_key = s.user_key"
            + " AND t.name = s.name)";

    private static List<ItemRow> current(Connection c, SessionRecord s, String after, int limit) throws SQLException {
        List<ItemRow> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT s.name, s.version, NULL, s.key_ids, s.deleted, s.created_ms"
                + CURRENT + " AND s.name > ? ORDER BY s.name LIMIT ?")) {
            bind(select, s.org(), s.userKey(), after, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    private static long liveCount(Connection c, SessionRecord s) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*)" + CURRENT)) {
            bind(select, s.org(), s.userKey());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void insert(Connection c, SessionRecord s, String name, long version, String item, String keyIds, boolean deleted)
            throws SQLException {
        update(c, "INSERT INTO secret_items (org, user_key, name, version, item, key_ids, size_bytes, deleted, created_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", s.org(), s.userKey(), name, version, item, keyIds,
                item == null ? 0 : item.getBytes(StandardCharsets.UTF_8).length, deleted ? 1 : 0, clock.millis());
    }

    private static List<SecretKeyRecord> keys(Connection c, SessionRecord s) throws SQLException {
        List<SecretKeyRecord> keys = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT key_id, description, is_default FROM secret_keys"
                + " WHERE org = ? AND user_key = ? ORDER BY key_id")) {
            bind(select, s.org(), s.userKey());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.add(new SecretKeyRecord(rs.getString(1), parse(rs.getString(2)), rs.getInt(3) == 1));
                }
            }
        }
        return keys;
    }

    private static SecretKeyRecord findKey(Connection c, SessionRecord s, String keyId) throws SQLException {
        return keys(c, s).stream().filter(k -> k.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new ApiException(404, ErrorCodes.SECRET_KEY_NOT_FOUND, "no secret-storage key " + keyId));
    }

    private static void setDefault(Connection c, SessionRecord s, String keyId) throws SQLException {
        update(c, "UPDATE secret_keys SET is_default = CASE WHEN key_id = ? THEN 1 ELSE 0 END WHERE org = ? AND user_key = ?",
                keyId, s.org(), s.userKey());
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, args);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }

    private static Map<String, Object> keyView(SecretKeyRecord key) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("key_id", key.keyId());
        view.put("default", key.isDefault());
        view.put("description", key.description());
        return view;
    }

    private static Map<String, Object> versionView(String name, long version) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("version", version);
        return view;
    }

    private static List<String> keyIds(String stored) {
        return stored.isEmpty() ? List.of() : List.of(stored.split(" "));
    }

    private static String json(JsonNode node) {
        try {
            return WireJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return WireJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored secret-storage JSON value does not parse");
        }
    }
}
