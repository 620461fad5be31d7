package uk.xborder.gateway.twogateways;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.xborder.gateway.testsupport.TwoGateways;

/** The two example gateways as shipped: HTTPS with mutual TLS on loopback, each to the other's endpoint. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoGatewaysOverHttpsTest extends TwoGatewaysScenario {

    private TwoGateways gateways;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        gateways = TwoGateways.overHttps(folder);
    }

    @AfterAll
    void stop() throws Exception {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Override
    TwoGateways gateways() {
        return gateways;
    }
}
