package io.keyward.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.server.KeywardNode;
import io.keyward.server.testing.TestHttps;
import io.keyward.server.testing.TestNodes;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document in the repository and the routes the node registers must be the same set:
 * a route missing from the document fails, and so does a documented route that no longer exists.
 */
class OpenApiCoverageTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    @TempDir
    Path dir;

    static Set<String> documented(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws IOException {
        JsonNode document = new ObjectMapper().readTree(NodeRoutes.openApiDocument());
        try (KeywardNode node = new KeywardNode(TestNodes.config(dir.resolve("data")))) {
            node.start();
            assertThat(documented(document)).isEqualTo(new TreeSet<>(node.routes()));

            // Served as kept in the repository.
            HttpResponse<String> served = TestHttps.get(
                    TestHttps.client(node.certificate(), HttpClient.Version.HTTP_1_1), node.port(), "/v1/openapi.json");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(served.body())).isEqualTo(document);
        }
    }

    @Test
    void theDocumentIsOpenApi31WithAnOperationIdAndResponsesEverywhere() throws IOException {
        JsonNode document = new ObjectMapper().readTree(NodeRoutes.openApiDocument());
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String where = operation.getKey() + " " + path.getKey();
                assertThat(operation.getValue().path("operationId").asText()).as(where).isNotBlank();
                assertThat(operation.getValue().path("responses").size()).as(where).isPositive();
                if (path.getKey().startsWith("/v1/admin/")) {
                    assertThat(operation.getValue().path("security").toString()).as(where).contains("adminToken");
                }
            }
        }
    }

    @Test
    void theComparisonNoticesAMissingRoute() throws IOException {
        // The coverage check must be able to fail: drop one documented path and compare again.
        com.fasterxml.jackson.databind.node.ObjectNode document =
                (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(NodeRoutes.openApiDocument());
        ((com.fasterxml.jackson.databind.node.ObjectNode) document.path("paths")).remove("/v1/ready");
        assertThat(documented(document)).doesNotContain("GET /v1/ready").contains("GET /v1/health");
    }
}
