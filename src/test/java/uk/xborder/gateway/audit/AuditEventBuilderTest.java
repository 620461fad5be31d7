package uk.xborder.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.pipeline.ReasonCode;

class AuditEventBuilderTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theStepFixesTheOperationAndTheKeyAndTheOutcomeDefaultsToSuccess() {
        AuditEvent event = AuditEvent.of(Step.SIGNED, "ex-1").time(T).actor("gateway/outbound")
                .keyQualifier("europol").parties("police-scotland", List.of("europol")).build();

        assertThat(event.eventKey()).isEqualTo("ex-1/SIGNED/europol");
        assertThat(event.step()).isEqualTo("SIGNED");
        assertThat(event.operation()).isEqualTo("ALTERATION");
        assertThat(event.outcome()).isEqualTo("SUCCESS");
        assertThat(event.reason()).isNull();
    }

    @Test
    void anOutcomeCarriesItsReasonCodeAndSentenceAsTheLogKeepsThem() {
        AuditEvent event = AuditEvent.of(Step.REJECTED, "ex-2").time(T).actor("gateway/outbound")
                .outcome(AuditOutcome.REJECTED, ReasonCode.SCHEMA_INVALID, "The message breaks its schema.").build();

        assertThat(event.eventKey()).isEqualTo("ex-2/REJECTED");
        assertThat(event.operation()).isEqualTo("COLLECTION");
        assertThat(event.outcome()).isEqualTo("REJECTED");
        assertThat(event.reason()).isEqualTo("SCHEMA_INVALID");
        assertThat(event.explanation()).isEqualTo("The message breaks its schema.");
    }

    @Test
    void everyConsultationStepIsAConsultationAndEveryOtherIsNot() {
        for (Step step : Step.values()) {
            assertThat(step.operation() == AuditOperation.CONSULTATION).as(step.name())
                    .isEqualTo(step.name().startsWith("API_"));
        }
    }

    @Test
    void anEventWithoutTimeOrActorIsNotBuilt() {
        assertThatNullPointerException().isThrownBy(() -> AuditEvent.of(Step.RECEIVED, "ex-3").actor("a").build())
                .withMessage("time");
        assertThatNullPointerException().isThrownBy(() -> AuditEvent.of(Step.RECEIVED, "ex-3").time(T).build())
                .withMessage("actor");
    }
}
