package io.keyward.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.server.KeywardNode;
import io.keyward.server.StartReport;
import io.keyward.server.http.ApiException;
import io.keyward.server.http.ApiModule;
import io.keyward.server.http.RequestIds;
import io.keyward.server.store.Database;
import io.keyward.server.store.ServerSettings;
import io.keyward.server.testing.TestHttps;
import io.keyward.server.testing.TestNodes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single hook records every request a node answers: every registered route (enumerated, so a
 * new route that records nothing fails here), unmatched paths, admin refusals, and actions that roll
 * back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditHookTest {
    private final AtomicReference<KeywardNode> current = new AtomicReference<>();
    private KeywardNode node;
    private String adminToken;
    private HttpClient client;

    /** Extra configuration pairs for the node (its database). */
    abstract String[] storage();

    private ApiModule actions() {
        AtomicReference<KeywardNode> NODE = current;
        return routes -> {
        routes.post("/test/orgs/{org}/committed", ctx -> {
            AuditFacts.org(ctx, ctx.pathParam("org"));
            AuditFacts.action(ctx, "test.commit");
            AuditLog log = NODE.get().auditLog();
            log.database().inTransaction(connection -> {
                new ServerSettings(log.database()).put("test_committed", "yes");
                return log.appendInTransaction(connection, ctx);
            });
            ctx.json(java.util.Map.of("done", true));
        });
        routes.post("/test/orgs/{org}/rolled-back", ctx -> {
            AuditFacts.org(ctx, ctx.pathParam("org"));
            AuditFacts.action(ctx, "test.rollback");
            AuditLog log = NODE.get().auditLog();
            log.database().inTransaction(connection -> {
                new ServerSettings(log.database()).put("test_rolled_back", "yes");
                log.appendInTransaction(connection, ctx);
                throw new ApiException(409, "test_conflict", "the action conflicted after it appended its entry");
            });
        });
        };
    }

    @BeforeAll
    void start(@TempDir Path dir) {
        node = new KeywardNode(TestNodes.config(dir.resolve("data"), storage()), List.of(actions()));
        current.set(node);
        StartReport report = node.start();
        adminToken = report.adminToken().orElseThrow();
        client = TestHttps.client(node.certificate(), HttpClient.Version.HTTP_1_1);
    }

    @AfterAll
    void stop() {
        node.close();
    }

    record Row(String org, long seq, String actorType, String action, String outcome, String code, String client) {}

    @Test
    void everyRegisteredRouteRecordsItsRequests() {
        Set<String> routes = node.routes();
        assertThat(routes).contains("GET /v1/health", "GET /v1/orgs/{org}/audit/key", "GET /v1/admin/orgs/{org}/audit",
                "POST /v1/admin/orgs/{org}/audit/checkpoint");
        List<String> unrecorded = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "acme");
            boolean admin = path.startsWith("/v1/admin/");
            HttpResponse<String> response = send(method, path, admin);
            List<Row> rows = entriesFor(response);
            if (rows.size() != 1) {
                unrecorded.add(route + " -> " + response.statusCode() + " with " + rows.size() + " entries");
                continue;
            }
            Row row = rows.getFirst();
            assertThat(row.outcome()).as(route).isEqualTo(Outcome.forStatus(response.statusCode()).wireName());
            assertThat(row.client()).as(route).isEqualTo("127.0.0.1");
            if (admin) {
                assertThat(row.actorType()).as(route).isEqualTo("admin");
                // Without the token: recorded as a denied anonymous attempt.
                Row denied = entriesFor(send(method, path, false)).getFirst();
                assertThat(denied).as(route).extracting(Row::actorType, Row::outcome, Row::code)
                        .containsExactly("anonymous", "denied", "unauthorized");
            }
        }
        assertThat(unrecorded).as("routes whose request left no single audit entry").isEmpty();
    }

    @Test
    void unmatchedPathsAndWrongMethodsAreRecordedOnTheNodeChainWithoutTheRawPath() {
        Row notFound = entriesFor(send("GET", "/v1/no-such-thing/secret-looking-segment", false)).getFirst();
        assertThat(notFound).isEqualTo(new Row(AuditLog.NODE_ORG, notFound.seq(), "anonymous", "GET unmatched", "failed",
                "not_found", "127.0.0.1"));
        Row wrongMethod = entriesFor(send("DELETE", "/v1/health", false)).getFirst();
        assertThat(wrongMethod.outcome()).isEqualTo("failed");
        assertThat(wrongMethod.code()).isEqualTo("method_not_allowed");
    }

    @Test
    void anAdminRouteRecordsTheAdminInTheOrgChain() {
        HttpResponse<String> response = send("POST", "/v1/admin/orgs/initech/audit/checkpoint", true);
        assertThat(response.statusCode()).isEqualTo(201);
        Row row = entriesFor(response).getFirst();
        assertThat(row).extracting(Row::org, Row::actorType, Row::action, Row::outcome)
                .containsExactly("initech", "admin", "audit.checkpoint", "success");
    }

    @Test
    void aCommittedActionHasExactlyItsOwnEntry() {
        HttpResponse<String> response = send("POST", "/test/orgs/acme/committed", false);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(entriesFor(response)).singleElement()
                .extracting(Row::org, Row::action, Row::outcome).containsExactly("acme", "test.commit", "success");
        assertThat(new ServerSettings(database()).get("test_committed")).contains("yes");
    }

    @Test
    void aRolledBackActionLeavesAFailedEntryAndNoOtherTrace() {
        HttpResponse<String> response = send("POST", "/test/orgs/acme/rolled-back", false);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(entriesFor(response)).singleElement()
                .extracting(Row::org, Row::action, Row::outcome, Row::code)
                .containsExactly("acme", "test.rollback", "failed", "test_conflict");
        assertThat(new ServerSettings(database()).get("test_rolled_back")).isEmpty();
        // And the chain has no gap where the rolled-back entry was.
        List<AuditEntry> acme = node.auditLog().read(AuditQuery.all("acme", 0, 1000));
        for (int i = 0; i < acme.size(); i++) {
            assertThat(acme.get(i).seq()).isEqualTo(i + 1);
        }
    }

    // ---- helpers ----

    private Database database() {
        return node.auditLog().database();
    }

    private HttpResponse<String> send(String method, String path, boolean asAdmin) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (asAdmin) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        return TestHttps.send(client, request.build());
    }

    private List<Row> entriesFor(HttpResponse<String> response) {
        String requestId = response.headers().firstValue(RequestIds.HEADER).orElseThrow();
        return database().inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT org, seq, actor_type, action, outcome,"
                    + " code, client FROM audit_entries WHERE request_id = ? ORDER BY org, seq")) {
                select.setString(1, requestId);
                List<Row> rows = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Row(result.getString(1), result.getLong(2), result.getString(3),
                                result.getString(4), result.getString(5), result.getString(6), result.getString(7)));
                    }
                }
                return rows;
            }
        });
    }
}
