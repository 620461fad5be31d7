package uk.xborder.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each audit event as one JSON line to the {@code gateway.audit} logger, which the logging configuration sends
 * to its own file. Events hold no message content, so they are safe to log.
 */
public final class JsonLogAuditTrail implements AuditTrail {

    private static final Logger AUDIT = LoggerFactory.getLogger("gateway.audit");

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public void record(AuditEvent event) {
        try {
            AUDIT.info(json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event could not be serialised: " + event.eventKey(), e);
        }
    }
}
