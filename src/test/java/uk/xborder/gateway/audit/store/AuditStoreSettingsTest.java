package uk.xborder.gateway.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AuditStoreSettingsTest {

    private static final Path DATA = Path.of("/srv/gateway/data");

    @Test
    void withoutAUrlTheStoreIsTheEmbeddedH2FileUnderTheDataDirectory() {
        AuditStoreSettings settings = AuditStoreSettings.fromProperties(Map.<String, String>of()::get, DATA);

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:h2:file:/srv/gateway/data/audit/audit-log"
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;QUERY_CACHE_SIZE=64");
        assertThat(settings).isEqualTo(AuditStoreSettings.embedded(DATA));
        assertThat(settings.user()).isEmpty();
        assertThat(settings.passwordEnv()).isEmpty();
        assertThat(settings.poolSize()).isEqualTo(4);
        assertThat(settings.batchSize()).isEqualTo(256);
        assertThat(settings.batchMaxWait()).isEqualTo(Duration.ZERO);
        assertThat(settings.checkpointEveryEntries()).isEqualTo(1000);
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void everySettingCanBeGiven() {
        Map<String, String> properties = Map.of(
                "gateway.audit.store.url", "jdbc:postgresql://db:5432/gateway",
                "gateway.audit.store.user", "gateway",
                "gateway.audit.store.password-env", "GATEWAY_DB_PASSWORD",
                "gateway.audit.store.pool-size", "8",
                "gateway.audit.store.batch-size", "500",
                "gateway.audit.store.batch-max-wait-ms", "3",
                "gateway.audit.checkpoint.every-entries", "250",
                "gateway.audit.checkpoint.every-seconds", "15");

        AuditStoreSettings settings = AuditStoreSettings.fromProperties(properties::get, DATA);

        assertThat(settings).isEqualTo(new AuditStoreSettings("jdbc:postgresql://db:5432/gateway", "gateway",
                "GATEWAY_DB_PASSWORD", 8, 500, Duration.ofMillis(3), 250, Duration.ofSeconds(15)));
    }

    @Test
    void blankPropertiesTakeTheirDefaults() {
        Map<String, String> properties = Map.of("gateway.audit.store.url", " ", "gateway.audit.store.pool-size", "");

        AuditStoreSettings settings = AuditStoreSettings.fromProperties(properties::get, DATA);

        assertThat(settings).isEqualTo(AuditStoreSettings.embedded(DATA));
    }

    @Test
    void credentialsInTheUrlAreNotShown() {
        AuditStoreSettings pg = AuditStoreSettings.database(
                "jdbc:postgresql://db:5432/gateway?user=gw&password=hunter2", "", "");
        AuditStoreSettings h2 = AuditStoreSettings.database("jdbc:h2:file:/tmp/x;PASSWORD=hunter2", "", "");

        assertThat(pg.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://db:5432/gateway");
        assertThat(h2.toString()).doesNotContain("hunter2");
    }

    @Test
    void settingsOutsideWhatTheStoreSupportsAreRefused() {
        assertThatThrownBy(() -> AuditStoreSettings.database("jdbc:mysql://db/x?password=hunter2", "", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("H2")
                .hasMessageNotContaining("hunter2");
        AuditStoreSettings ok = AuditStoreSettings.embedded(DATA);
        assertThatThrownBy(() -> ok.withBatches(0, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withBatches(1001, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withBatches(10, Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withPoolSize(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withCheckpoints(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditStoreSettings.fromProperties(
                Map.of("gateway.audit.store.batch-size", "lots")::get, DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.audit.store.batch-size");
        assertThatThrownBy(() -> AuditStoreSettings.embedded(Path.of("/srv/a;INIT=RUNSCRIPT FROM 'x'")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
