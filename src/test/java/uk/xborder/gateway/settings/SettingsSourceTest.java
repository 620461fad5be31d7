package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsSourceTest {

    @Test
    void theGatewayConfigFileComesBeforeThePackagedDefaults() {
        assertThat(SettingsSource.locations(Map.of())).isEqualTo("classpath:application.properties");
        assertThat(SettingsSource.locations(Map.of("GATEWAY_CONFIG", "/etc/gw.properties")))
                .isEqualTo("file:/etc/gw.properties,classpath:application.properties");
    }

    @Test
    void malformedValuesAreRefusedNamingTheSetting() {
        SettingsSource source = SettingsSource.of(Map.of("a.number", "ten", "a.flag", "yes", "a.small", "0"));

        assertThatThrownBy(() -> source.integer("a.number", 1, 1)).isInstanceOf(SettingsException.class)
                .hasMessage("setting a.number must be a whole number");
        assertThatThrownBy(() -> source.flag("a.flag", true)).hasMessage("setting a.flag must be true or false");
        assertThatThrownBy(() -> source.integer("a.small", 1, 1)).hasMessage("setting a.small must be at least 1");
        assertThatThrownBy(() -> source.required("a.missing")).hasMessage("setting a.missing must be given");
    }

    @Test
    void relativePathsResolveAgainstTheHomeAndAbsoluteOnesStay() {
        SettingsSource source = SettingsSource.of(Map.of("gateway.home", "/opt/gw", "gateway.data-dir", "data",
                "gateway.audit.trust", "certs/a.pem, /etc/b.pem,"));

        assertThat(source.path("gateway.data-dir")).isEqualTo(Path.of("/opt/gw/data"));
        assertThat(source.paths("gateway.audit.trust")).containsExactly(Path.of("/opt/gw/certs/a.pem"),
                Path.of("/etc/b.pem"));
    }

    @Test
    void withoutAHomeRelativePathsResolveAgainstTheWorkingDirectory() {
        SettingsSource source = SettingsSource.of(Map.of("gateway.data-dir", "data"));

        assertThat(source.path("gateway.data-dir")).isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void theApiIsReachedOnTheLoopbackWhenItListensEverywhere() {
        assertThat(new ApiSettings(true, "0.0.0.0", 8080, Path.of("u")).baseUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(new ApiSettings(true, "10.1.2.3", 8443, Path.of("u")).baseUrl()).isEqualTo("http://10.1.2.3:8443");
    }
}
