package io.keyward.server.audit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.ErrorCodes;
import io.keyward.server.http.ApiException;
import io.keyward.server.http.ApiModule;
import io.keyward.server.http.ApiRole;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The audit log's routes: the public checkpoint key, and for administrators an organization's
 * entries (filtered, paged by seq), its checkpoints, and an on-demand checkpoint.
 */
public final class AuditRoutes implements ApiModule {
    /** Organization names as accounts allows them, and {@value AuditLog#NODE_ORG} for the node chain. */
    static final Pattern ORG = Pattern.compile("_node|[a-z0-9._@+-]{3,128}");

    /** The public key, raw and as SPKI PEM. */
    public record KeyInfo(String algorithm, String publicKey, String publicKeyPem) {}

    /** One page of entries; {@code nextAfterSeq} is the {@code after_seq} of the next page, null after the last. */
    public record Page(List<AuditEntry> entries, Long nextAfterSeq) {}

    /** An organization's checkpoints. */
    public record Checkpoints(List<Checkpoint> checkpoints) {}

    private final AuditLog log;

    public AuditRoutes(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/v1/orgs/{org}/audit/key", this::key);
        routes.get("/v1/admin/orgs/{org}/audit", this::adminRead, ApiRole.ADMIN);
        routes.get("/v1/admin/orgs/{org}/audit/checkpoints", this::adminCheckpoints, ApiRole.ADMIN);
        routes.post("/v1/admin/orgs/{org}/audit/checkpoint", this::adminCheckpoint, ApiRole.ADMIN);
    }

    private void key(Context ctx) {
        org(ctx); // validated, but an anonymous read of a public key is recorded on the node chain
        AuditFacts.action(ctx, "audit.key");
        AuditKey key = log.key();
        ctx.json(new KeyInfo("Ed25519", Base64Url.encode(key.publicKey()), key.publicKeyPem()));
    }

    private void adminRead(Context ctx) {
        String org = adminOrg(ctx, "audit.read");
        AuditQuery query = query(ctx, org);
        ctx.json(page(log.read(query), query.limit()));
    }

    private void adminCheckpoints(Context ctx) {
        String org = adminOrg(ctx, "audit.checkpoints");
        ctx.json(new Checkpoints(log.checkpoints(org)));
    }

    private void adminCheckpoint(Context ctx) {
        String org = adminOrg(ctx, "audit.checkpoint");
        ctx.status(201).json(log.checkpoint(org));
    }

    private static String adminOrg(Context ctx, String action) {
        String org = org(ctx);
        AuditFacts.org(ctx, org);
        AuditFacts.action(ctx, action);
        AuditFacts.target(ctx, "org:" + org);
        return org;
    }

    static String org(Context ctx) {
        String org = ctx.pathParam("org");
        if (!ORG.matcher(org).matches()) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, "org must be 3-128 characters from a-z 0-9 . _ @ + - (or _node)");
        }
        return org;
    }

    /** A page: the next page starts after the last entry when this one is full. */
    static Page page(List<AuditEntry> entries, int limit) {
        Long next = entries.size() == limit ? entries.getLast().seq() : null;
        return new Page(entries, next);
    }

    /** The filters of {@code GET .../audit}: since, until, action, target, outcome, request_id, after_seq, limit. */
    static AuditQuery query(Context ctx, String org) {
        Instant since = time(ctx, "since");
        Instant until = time(ctx, "until");
        Outcome outcome = null;
        String outcomeText = ctx.queryParam("outcome");
        if (outcomeText != null) {
            try {
                outcome = Outcome.fromWire(outcomeText);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, ErrorCodes.INVALID_FIELD, "outcome must be success, denied or failed");
            }
        }
        long afterSeq = number(ctx, "after_seq", 0, Long.MAX_VALUE, 0);
        int limit = (int) number(ctx, "limit", 1, AuditQuery.MAX_LIMIT, AuditQuery.DEFAULT_LIMIT);
        return new AuditQuery(org, null, null, since, until, text(ctx, "action"), text(ctx, "target"), outcome,
                text(ctx, "request_id"), afterSeq, limit);
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > 256) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, name + " must be at most 256 characters");
        }
        return value;
    }

    private static Instant time(Context ctx, String name) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return AuditQuery.parseTime(value, name);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, e.getMessage());
        }
    }

    private static long number(Context ctx, String name, long min, long max, long fallback) {
        String value = text(ctx, name);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(400, ErrorCodes.INVALID_FIELD, name + " must be an integer " + min + "-"
                    + (max == Long.MAX_VALUE ? "2^63-1" : Long.toString(max)));
        }
    }
}
