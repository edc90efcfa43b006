package io.keyward.server.audit;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.sig.Ed25519Verifier;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an exported chain ({@link AuditExport}) against the server's audit public key: recomputes
 * every entry's hash from the genesis, checks every checkpoint's signature and that its head hash is
 * the recomputed hash at its seq, and stops at the first problem, naming the entry.
 *
 * <p>What it can tell: an entry changed in place (its hash no longer matches), removed (a seq is
 * missing), inserted (a seq appears twice, or the next entry follows the one before once this one is
 * taken out), swapped or reordered (seqs out of order, or two neighbours hash correctly in each
 * other's places). An attacker who rewrites an entry and recomputes every later hash is caught by
 * the first checkpoint after it, which then names the range between two checkpoints. Entries after
 * the last checkpoint can be cut off the end unnoticed; the summary says how many there are.
 */
public final class AuditVerifier {
    private AuditVerifier() {}

    /**
     * The verdict: {@code intact} with a summary, or not, with a one-line reason and the seq of the
     * first entry that was tampered with (null when the reason is a checkpoint or the header).
     */
    public record Verdict(boolean intact, String message, Long entrySeq) {
        static Verdict broken(String message, Long seq) {
            return new Verdict(false, message, seq);
        }
    }

    public static Verdict verify(AuditExport.Contents contents, byte[] publicKey) {
        Ed25519Verifier verifier;
        try {
            verifier = Ed25519Verifier.fromPublicKey(publicKey);
        } catch (CryptoException e) {
            return Verdict.broken("the public key is not a valid Ed25519 key", null);
        }
        AuditExport.Header header = contents.header();
        String org = header.org();
        if (header.publicKey() != null && !header.publicKey().equals(Base64Url.encode(publicKey))) {
            return Verdict.broken("the export names audit key " + header.publicKey()
                    + ", not the given key: it comes from another server, or its header was changed", null);
        }
        List<AuditEntry> entries = contents.entries();
        List<Checkpoint> checkpoints = contents.checkpoints().stream()
                .sorted(Comparator.comparingLong(Checkpoint::seq)).toList();
        Map<Long, Integer> seqCounts = new HashMap<>();
        for (AuditEntry entry : entries) {
            seqCounts.merge(entry.seq(), 1, Integer::sum);
        }

        byte[] previous = AuditChain.genesis();
        byte[] beforePrevious = null;
        long expected = 1;
        long lastCheckpointed = 0;
        int nextCheckpoint = 0;
        int verifiedCheckpoints = 0;
        // Checkpoints of the empty chain.
        while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).seq() == 0) {
            Verdict bad = checkCheckpoint(checkpoints.get(nextCheckpoint++), org, previous, verifier, lastCheckpointed);
            if (bad != null) {
                return bad;
            }
            verifiedCheckpoints++;
        }
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            if (!org.equals(entry.org())) {
                return Verdict.broken("entry seq " + entry.seq() + " belongs to org \"" + entry.org() + "\", not \""
                        + org + "\": it was inserted from another chain", entry.seq());
            }
            if (entry.seq() != expected) {
                return Verdict.broken(seqProblem(entry.seq(), expected, seqCounts), Math.min(entry.seq(), expected));
            }
            byte[] computed = AuditChain.hash(previous, entry);
            if (!matches(computed, entry.hash())) {
                AuditEntry next = i + 1 < entries.size() ? entries.get(i + 1) : null;
                String problem = hashProblem(previous, entry, next);
                if (problem == null && beforePrevious != null
                        && matches(AuditChain.hash(beforePrevious, renumbered(entry, entry.seq() - 1)), entry.hash())) {
                    // The entry before was inserted, with a correct hash, and this one renumbered.
                    return Verdict.broken("entry seq " + (entry.seq() - 1) + " was inserted: entry " + entry.seq()
                            + " follows seq " + (entry.seq() - 2) + " once it is taken out", entry.seq() - 1);
                }
                return Verdict.broken(problem != null ? problem
                        : "entry seq " + entry.seq() + " was changed: its contents do not match its hash", entry.seq());
            }
            beforePrevious = previous;
            previous = computed;
            expected++;
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).seq() == entry.seq()) {
                Verdict bad = checkCheckpoint(checkpoints.get(nextCheckpoint++), org, previous, verifier,
                        lastCheckpointed);
                if (bad != null) {
                    return bad;
                }
                verifiedCheckpoints++;
                lastCheckpointed = entry.seq();
            }
        }
        long last = expected - 1;
        if (nextCheckpoint < checkpoints.size()) {
            Checkpoint beyond = checkpoints.get(nextCheckpoint);
            return Verdict.broken("checkpoint at seq " + beyond.seq() + " (" + beyond.time() + ") is beyond the last"
                    + " entry, seq " + last + ": entries " + (last + 1) + ".." + beyond.seq() + " were removed", last + 1);
        }
        String summary = "intact: org " + org + ", " + entries.size() + " entries"
                + (entries.isEmpty() ? "" : " (seq 1.." + last + ")") + ", " + verifiedCheckpoints + " checkpoint"
                + (verifiedCheckpoints == 1 ? "" : "s") + " verified";
        if (verifiedCheckpoints == 0) {
            summary += "; no checkpoint covers the chain, so entries could have been cut off its end";
        } else if (lastCheckpointed < last) {
            summary += "; the last covers seq " + lastCheckpointed + ", " + (last - lastCheckpointed)
                    + " later entries are covered by no checkpoint yet";
        }
        return new Verdict(true, summary, null);
    }

    private static String seqProblem(long seq, long expected, Map<Long, Integer> seqCounts) {
        if (seq < expected) {
            return seqCounts.getOrDefault(seq, 0) > 1
                    ? "entry seq " + seq + " appears twice: an entry was inserted"
                    : "entry seq " + seq + " comes after seq " + (expected - 1) + ": entries were reordered";
        }
        if (seqCounts.containsKey(expected)) {
            return "entry seq " + expected + " comes after seq " + seq + ": entries were reordered";
        }
        return "entry seq " + expected + " was removed: the chain jumps from seq " + (expected - 1) + " to " + seq;
    }

    /** Whether an entry whose seq is in place but whose hash fails was swapped with or pushed down by the next; else null. */
    private static String hashProblem(byte[] previous, AuditEntry entry, AuditEntry next) {
        long seq = entry.seq();
        if (next != null && next.seq() == seq + 1) {
            // The next entry's contents belong here: the two were swapped, or this one was inserted
            // and everything after it renumbered.
            AuditEntry nextHere = renumbered(next, seq);
            byte[] nextHereHash = AuditChain.hash(previous, nextHere);
            if (matches(nextHereHash, next.hash())) {
                AuditEntry thisThere = renumbered(entry, seq + 1);
                if (matches(AuditChain.hash(nextHereHash, thisThere), entry.hash())) {
                    return "entries seq " + seq + " and " + (seq + 1) + " were swapped";
                }
                return "entry seq " + seq + " was inserted: entry " + (seq + 1) + " follows seq " + (seq - 1)
                        + " once it is taken out";
            }
        }
        return null;
    }

    private static AuditEntry renumbered(AuditEntry entry, long seq) {
        return new AuditEntry(seq, entry.time(), entry.org(), entry.actorType(), entry.actorId(), entry.device(),
                entry.action(), entry.target(), entry.outcome(), entry.code(), entry.requestId(), entry.client(),
                entry.hash());
    }

    private static Verdict checkCheckpoint(Checkpoint checkpoint, String org, byte[] computedHead,
            Ed25519Verifier verifier, long lastCheckpointed) {
        String which = "checkpoint at seq " + checkpoint.seq() + " (" + checkpoint.time() + ")";
        byte[] head;
        byte[] signature;
        try {
            head = Base64Url.decode(checkpoint.headHash(), "head hash");
            signature = Base64Url.decode(checkpoint.signature(), "signature");
        } catch (CryptoException e) {
            return Verdict.broken(which + " is malformed: " + e.getMessage(), null);
        }
        if (head.length != AuditChain.HASH_LENGTH) {
            return Verdict.broken(which + " is malformed: its head hash is not 32 bytes", null);
        }
        try {
            verifier.verify(signature, AuditChain.checkpointMessage(checkpoint.org(), checkpoint.seq(), head,
                    checkpoint.time()));
        } catch (CryptoException e) {
            return Verdict.broken(which + " has a signature that does not verify with the given key: the checkpoint"
                    + " was changed or forged", null);
        }
        if (!org.equals(checkpoint.org())) {
            return Verdict.broken(which + " belongs to org \"" + checkpoint.org() + "\", not \"" + org + "\"", null);
        }
        if (!Bytes.constantTimeEquals(head, computedHead)) {
            return Verdict.broken(which + " does not match the chain: an entry in seq " + (lastCheckpointed + 1) + ".."
                    + checkpoint.seq() + " was changed, inserted, removed or reordered and the hashes after it"
                    + " recomputed", lastCheckpointed + 1);
        }
        return null;
    }

    private static boolean matches(byte[] computed, String stored) {
        if (stored == null) {
            return false;
        }
        try {
            return Arrays.equals(computed, Base64Url.decode(stored, "entry hash"));
        } catch (CryptoException e) {
            return false;
        }
    }
}
