package uk.xborder.gateway.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway (Camel Main) and the command-line tools give the same answer for the same key at every level of
 * precedence. Environment variables cannot be changed inside a JVM, so one child JVM is started with a settings file,
 * environment variables and system properties that each win over the level below, and prints what both readers see.
 */
class SettingsPrecedenceTest {

    @TempDir
    static Path dir;
    private static final Map<String, String> GATEWAY = new LinkedHashMap<>();
    private static final Map<String, String> TOOL = new LinkedHashMap<>();

    @BeforeAll
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    static void probe() throws Exception {
        Path operatorFile = dir.resolve("gateway.properties");
        Files.writeString(operatorFile, String.join("\n",
                "gateway.directory = /from-file/directory.yaml",
                "gateway.data-dir = /from-file/data",
                "gateway.broker.embedded.port = 1111",
                "gateway.api.port = 9191", ""));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dgateway.broker.embedded.port=3333", "-Dgateway.data-dir=/from-sysprop/data",
                SettingsProbe.class.getName())
                .redirectErrorStream(false)
                .redirectError(dir.resolve("stderr.txt").toFile());
        child.environment().put(SettingsSource.CONFIG_VARIABLE, operatorFile.toString());
        child.environment().put("GATEWAY_BROKER_EMBEDDED_PORT", "2222");
        child.environment().put("GATEWAY_HOME", "/opt/xborder-gateway");
        child.environment().put("GATEWAY_API_HOST", "127.0.0.2");
        Process process = child.start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("|")).toList();
        assertThat(process.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
        for (String line : lines) {
            String[] parts = line.split("[|=]", 3);
            (parts[0].equals("gateway") ? GATEWAY : TOOL).put(parts[1], parts[2]);
        }
        assertThat(GATEWAY).isNotEmpty();
    }

    @Test
    void bothReadersSeeEverySettingAlike() {
        assertThat(TOOL).isEqualTo(GATEWAY);
    }

    @Test
    void thePackagedDefaultIsTheLastResort() {
        assertThat(GATEWAY).containsEntry("max-message-bytes", "10485760");
    }

    @Test
    void theFileNamedByGatewayConfigOverridesThePackagedDefault() {
        assertThat(GATEWAY).containsEntry("directory", "/from-file/directory.yaml".replace('/', File.separatorChar));
    }

    /** Camel's server keys are placeholders of the gateway's API settings, so these reach it from any level. */
    @Test
    void theApiAddressComesThroughCamelsServerSettings() {
        assertThat(GATEWAY).containsEntry("api", "http://127.0.0.2:9191");
    }

    @Test
    void aSystemPropertyOverridesTheFile() {
        assertThat(GATEWAY).containsEntry("data-dir", "/from-sysprop/data");
    }

    /** Camel's properties component looks at the environment before the system properties. */
    @Test
    void anEnvironmentVariableOverridesASystemProperty() {
        assertThat(GATEWAY).containsEntry("embedded-port", "2222");
        assertThat(GATEWAY).containsEntry("agency-broker", "tcp://127.0.0.1:2222");
    }

    @Test
    void relativePathsResolveAgainstTheGatewayHome() {
        assertThat(GATEWAY).containsEntry("users", "/opt/xborder-gateway/config/users.yaml");
    }
}
