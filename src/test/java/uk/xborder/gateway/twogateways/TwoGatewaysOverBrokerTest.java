package uk.xborder.gateway.twogateways;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.xborder.gateway.testsupport.ArtemisPerClass;
import uk.xborder.gateway.testsupport.TwoGateways;

/**
 * The two example gateways over JMS instead: a broker between them (the standalone Artemis 2.56 distribution, its
 * own process on loopback), which each reaches as a partner broker; envelopes and receipts wait there for the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoGatewaysOverBrokerTest extends TwoGatewaysScenario {

    @RegisterExtension
    static final ArtemisPerClass BROKER = ArtemisPerClass.running("exchange");

    private TwoGateways gateways;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        gateways = TwoGateways.overBroker(folder, BROKER.get());
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
