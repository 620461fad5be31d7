package uk.xborder.gateway.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSSecurityException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The kinds of failure of a hand-over that are not HTTP's (those are tried against a real server in
 * {@link OutboundHttpsTest}): a JMS broker that is down, the partner's broker refusing the gateway, and anything
 * the classification does not name.
 */
class DeliveryErrorsTest {

    @Test
    void aBrokerThatIsDownIsTransient() throws Exception {
        int closed = RunningGateway.freePort();
        Throwable failure;
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + closed
                + "?reconnectAttempts=0&initialConnectAttempts=1")) {
            failure = catchThrowable(() -> factory.createConnection().close());
        }
        assertThat(failure).isNotNull();
        // As the JMS component reports it: wrapped in the exception of the sending template.
        DeliveryError error = DeliveryErrors.classify(new RuntimeException("send failed", failure));
        assertThat(error.transientFailure()).isTrue();
        assertThat(error.errorClass()).isEqualTo("jms-unavailable");
    }

    @Test
    void thePartnersBrokerRefusingTheGatewayIsPermanent() {
        assertThat(DeliveryErrors.classify(new RuntimeException(new JMSSecurityException("AMQ229031"))))
                .satisfies(error -> {
                    assertThat(error.transientFailure()).isFalse();
                    assertThat(error.errorClass()).isEqualTo("jms-security");
                });
        assertThat(DeliveryErrors.classify(new InvalidDestinationException("no such queue")).errorClass())
                .isEqualTo("jms-destination");
    }

    @Test
    void aFailureNotNamedIsTriedAgainAndNamesOnlyItsType() {
        DeliveryError error = DeliveryErrors.classify(new IllegalStateException("secret body text"));
        assertThat(error.transientFailure()).isTrue();
        assertThat(error.errorClass()).isEqualTo("other");
        assertThat(error.description()).contains("IllegalStateException").doesNotContain("secret");
    }
}
