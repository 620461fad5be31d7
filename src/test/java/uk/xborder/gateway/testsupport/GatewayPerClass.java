package uk.xborder.gateway.testsupport;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running gateway for all the tests of a class, started before the class's own {@code @BeforeAll} methods and
 * stopped after its {@code @AfterAll} ones:
 * {@code @RegisterExtension static final GatewayPerClass GATEWAY = new GatewayPerClass();}.
 */
public final class GatewayPerClass implements BeforeAllCallback, AfterAllCallback {

    private final Map<String, String> overrides;
    private final boolean sendExampleReport;
    private RunningGateway gateway;
    private SentReport exampleReport;

    public GatewayPerClass() {
        this(Map.of());
    }

    /** With settings overridden, as {@link RunningGateway#start(Map)}. */
    public GatewayPerClass(Map<String, String> overrides) {
        this(overrides, false);
    }

    private GatewayPerClass(Map<String, String> overrides, boolean sendExampleReport) {
        this.overrides = Map.copyOf(overrides);
        this.sendExampleReport = sendExampleReport;
    }

    /**
     * A gateway with a partner broker, europol's, that is down (nothing listens on port 1): the gateway starts
     * without it, and its routes are made from their templates all the same.
     */
    public static GatewayPerClass withAPartnerBrokerDown() {
        return new GatewayPerClass(Map.of(
                "gateway.partner-brokers", "europol-broker",
                "gateway.partner-broker.europol-broker.url", "tcp://127.0.0.1:1",
                "gateway.partner-broker.europol-broker.partner", "europol",
                "gateway.partner-broker.europol-broker.inbound-queue", "uk.inbox",
                "gateway.partner-broker.europol-broker.receipts-queue", "uk.receipts"));
    }

    /** A gateway that has already taken the example report through to its status notice ({@link SentReport}). */
    public static GatewayPerClass afterTheExampleReport() {
        return new GatewayPerClass(Map.of(), true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        gateway = RunningGateway.start(overrides);
        if (sendExampleReport) {
            exampleReport = SentReport.through(gateway);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (gateway != null) {
            gateway.close();
            gateway = null;
        }
    }

    /** The example report sent before the tests, for a gateway made by {@link #afterTheExampleReport()}. */
    public SentReport exampleReport() {
        if (exampleReport == null) {
            throw new IllegalStateException("this gateway was not sent the example report");
        }
        return exampleReport;
    }

    public RunningGateway get() {
        if (gateway == null) {
            throw new IllegalStateException("the gateway runs only while the test class does");
        }
        return gateway;
    }
}
