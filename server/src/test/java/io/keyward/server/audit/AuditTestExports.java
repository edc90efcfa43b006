package io.keyward.server.audit;

import java.io.BufferedReader;
import java.io.StringReader;

/** Exports a node's chain and verifies it with the node's own key (for tests outside this package). */
public final class AuditTestExports {
    private AuditTestExports() {}

    public static AuditVerifier.Verdict verify(AuditLog log, String org) {
        AuditLog sameKey = log;
        java.util.List<AuditEntry> entries = new java.util.ArrayList<>();
        long after = 0;
        while (true) {
            java.util.List<AuditEntry> page = sameKey.read(AuditQuery.all(org, after, AuditQuery.MAX_LIMIT));
            entries.addAll(page);
            if (page.size() < AuditQuery.MAX_LIMIT) {
                break;
            }
            after = page.getLast().seq();
        }
        AuditExport.Contents contents = new AuditExport.Contents(
                new AuditExport.Header(AuditExport.FORMAT, org, null, null, "test"), entries, log.checkpoints(org));
        return AuditVerifier.verify(contents, log.key().publicKey());
    }

    static AuditVerifier.Verdict verify(String export, byte[] key) {
        return AuditVerifier.verify(AuditExport.read(new BufferedReader(new StringReader(export))), key);
    }
}
