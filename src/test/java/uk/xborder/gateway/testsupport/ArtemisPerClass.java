package uk.xborder.gateway.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One standalone Artemis broker ({@link StandaloneArtemis}) for all the tests of a class, created and started before
 * the class's own {@code @BeforeAll} methods and stopped, whatever happened, after its {@code @AfterAll} ones:
 * {@code @RegisterExtension static final ArtemisPerClass PARTNER_BROKER = ArtemisPerClass.running("uk-gateway");}.
 */
public final class ArtemisPerClass implements BeforeAllCallback, AfterAllCallback {

    private final String user;
    private final boolean startFirst;
    private StandaloneArtemis broker;

    private ArtemisPerClass(String user, boolean startFirst) {
        this.user = user;
        this.startFirst = startFirst;
    }

    /** A broker that is running when the tests start. */
    public static ArtemisPerClass running(String user) {
        return new ArtemisPerClass(user, true);
    }

    /** A broker that is created (its port and credentials known) but left to the tests to start: a broker down. */
    public static ArtemisPerClass notYetStarted(String user) {
        return new ArtemisPerClass(user, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        broker = StandaloneArtemis.create(user);
        if (startFirst) {
            broker.start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public StandaloneArtemis get() {
        if (broker == null) {
            throw new IllegalStateException("the standalone broker exists only while the test class runs");
        }
        return broker;
    }
}
