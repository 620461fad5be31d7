package uk.xborder.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import uk.xborder.gateway.broker.EmbeddedBroker;
import uk.xborder.gateway.testsupport.EmbeddedBrokers;

/**
 * Nothing in the suite waits forever: {@code junit-platform.properties} bounds every test and lifecycle method, in a
 * separate thread, and that bound stops a broker wait that would never return. No test in this class has a
 * {@code @Timeout} of its own.
 */
class SuiteTimeoutTest {

    @TempDir
    Path dir;

    @Test
    void theSuiteBoundIsSetForEveryTestAndStopsWaitsThatIgnoreInterruption() throws Exception {
        Properties settings = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/junit-platform.properties")) {
            assertThat(in).as("junit-platform.properties on the test classpath").isNotNull();
            settings.load(in);
        }
        assertThat(settings.getProperty("junit.jupiter.execution.timeout.default")).isEqualTo("2 m");
        assertThat(settings.getProperty("junit.jupiter.execution.timeout.thread.mode.default"))
                .isEqualTo("SEPARATE_THREAD");
        // No more specific default may loosen it for some kinds of method.
        assertThat(settings.stringPropertyNames()).filteredOn(name -> name.startsWith("junit.jupiter.execution.timeout"))
                .containsExactlyInAnyOrder("junit.jupiter.execution.timeout.default",
                        "junit.jupiter.execution.timeout.thread.mode.default",
                        "junit.jupiter.execution.timeout.mode");
    }

    @Test
    void aTestWithoutATimeoutOfItsOwnRunsUnderTheBound() {
        // JUnit runs a method in a thread of its own only when a timeout applies to it, in SEPARATE_THREAD mode.
        assertThat(Thread.currentThread().getName()).startsWith("junit-timeout-thread-");
    }

    @Test
    void aBrokerReceiveThatNeverReturnsIsStoppedAtTheBound() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedBroker broker = EmbeddedBrokers.shipped(dir, port);
        broker.start();
        try (Connection connection = EmbeddedBrokers.asGateway(broker)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("gw.nothing.ever.arrives"));
            long started = System.nanoTime();

            // The mechanism the suite's SEPARATE_THREAD bound uses, with a bound short enough for a test.
            assertThatThrownBy(() -> assertTimeoutPreemptively(Duration.ofSeconds(1), () -> consumer.receive()))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("timed out after 1000 ms");
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(30);
        } finally {
            // Closing the connection also ends the receive left behind in the abandoned thread.
            broker.stop();
        }
    }
}
