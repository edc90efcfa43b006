package io.keyward.server.audit;

import io.keyward.crypto.sig.Ed25519Signer;
import io.keyward.crypto.util.Base64Url;
import io.keyward.server.store.Database;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Helpers for audit tests: a log with a fresh key, events, and exports as lines. */
final class AuditTesting {
    private AuditTesting() {}

    static final AuditKey KEY = AuditKey.of(Ed25519Signer.generate(new SecureRandom()));

    static AuditLog log(Database db) {
        return new AuditLog(db, () -> KEY, Clock.systemUTC());
    }

    static AuditEvent event(String org, String action, int i) {
        return new AuditEvent(org, "user", "user-" + (i % 3), "device-1", action, "key:k" + i,
                i % 4 == 0 ? Outcome.DENIED : Outcome.SUCCESS, i % 4 == 0 ? "unauthorized" : null, "req-" + i,
                "127.0.0." + (i % 250 + 1));
    }

    /** Every entry and checkpoint of {@code org}, written as an export file. */
    static String export(AuditLog log, String org) {
        List<AuditEntry> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            List<AuditEntry> page = log.read(AuditQuery.all(org, after, AuditQuery.MAX_LIMIT));
            entries.addAll(page);
            if (page.size() < AuditQuery.MAX_LIMIT) {
                break;
            }
            after = page.getLast().seq();
        }
        StringWriter out = new StringWriter();
        try {
            AuditExport.write(out, header(org), entries, log.checkpoints(org));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static AuditExport.Header header(String org) {
        return new AuditExport.Header(AuditExport.FORMAT, org, Base64Url.encode(KEY.publicKey()), KEY.publicKeyPem(),
                "2026-11-25T10:00:00.000000Z");
    }

    static AuditVerifier.Verdict verify(String export) {
        return AuditVerifier.verify(AuditExport.read(new BufferedReader(new StringReader(export))), KEY.publicKey());
    }
}
