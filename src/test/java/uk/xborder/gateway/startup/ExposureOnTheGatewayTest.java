package uk.xborder.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import uk.xborder.gateway.settings.SettingsException;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The real gateway refuses to start, before it listens anywhere or opens its store: with its HTTP port beyond the
 * loopback and no TLS, and when reachable on the example material.
 */
@Timeout(120)
class ExposureOnTheGatewayTest {

    @Test
    void anHttpPortBeyondTheLoopbackWithoutTlsStopsTheStartNamingTheSetting() {
        Throwable refused = catchThrowable(() -> RunningGateway.start(Map.of("gateway.api.host", "0.0.0.0")).close());

        assertThat(refused).isNotNull();
        assertThat(rootOfType(refused, SettingsException.class).setting()).isEqualTo("gateway.api.tls.certificate");
    }

    @Test
    void aBrokerAcceptorBeyondTheLoopbackOnTheExampleMaterialStopsTheStart() {
        Throwable refused = catchThrowable(() -> RunningGateway.start(Map.of("gateway.broker.embedded.host",
                "0.0.0.0")).close());

        ExampleMaterialException cause = rootOfType(refused, ExampleMaterialException.class);
        assertThat(cause.getMessage()).contains("gateway.broker.embedded.host is 0.0.0.0")
                .contains("gateway.identity.certificate").contains("gateway.api.users");
    }

    private static <T extends Throwable> T rootOfType(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + thrown, thrown);
    }
}
