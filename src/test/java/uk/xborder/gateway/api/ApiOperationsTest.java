package uk.xborder.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How an operation's access rule and path are read from its REST verb. */
class ApiOperationsTest {

    @Test
    void theScopesOfAVerbAreRolesSeparatedByCommasOrSpaces() {
        assertThat(Role.parseList("auditor,admin")).containsExactlyInAnyOrder(Role.AUDITOR, Role.ADMIN);
        assertThat(Role.parseList(" operator, auditor admin ")).containsExactlyInAnyOrder(Role.values());
    }

    @Test
    void aMisspeltRoleStopsTheApiRatherThanGrantingOrDenyingSilently() {
        assertThatThrownBy(() -> Role.parseList("auditor,admni")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("admni");
    }

    @Test
    void theRestPathAndTheVerbPathAreJoinedAsTheDocumentWritesThem() {
        assertThat(ApiOperations.path(null, "/api/audit/entries/{seq}/proof"))
                .isEqualTo("/api/audit/entries/{seq}/proof");
        assertThat(ApiOperations.path("/api/v1/", "/exchanges/{id}/")).isEqualTo("/api/v1/exchanges/{id}");
        assertThat(ApiOperations.path("api/v1", "")).isEqualTo("/api/v1");
        assertThat(ApiOperations.path(null, null)).isEqualTo("/");
    }
}
