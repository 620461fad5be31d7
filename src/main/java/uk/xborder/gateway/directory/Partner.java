package uk.xborder.gateway.directory;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;

import uk.xborder.gateway.message.GradingScheme;

/**
 * A recipient the gateway may deliver to: an external partner or a UK agency reached in its own format.
 *
 * @param id                 party id used in messages' recipient lists
 * @param name               name as people know it
 * @param jurisdiction       {@code UK} for domestic recipients; anything else is a transfer outside the UK
 * @param format             id of the XML format the partner reads
 * @param endpoint           Camel endpoint URI the envelope is delivered to
 * @param certificate        the partner's encryption certificate
 * @param highestMarking     the highest protective marking the partner is accredited to receive
 * @param handlingPermitted  per grading scheme, the handling codes under which the partner may receive material
 */
public record Partner(String id, String name, String jurisdiction, String format, String endpoint,
                      X509Certificate certificate, Marking highestMarking,
                      Map<GradingScheme, Set<String>> handlingPermitted) {

    public static final String UNITED_KINGDOM = "UK";

    public Partner {
        handlingPermitted = Map.copyOf(handlingPermitted);
    }

    public boolean isOutsideUnitedKingdom() {
        return !UNITED_KINGDOM.equals(jurisdiction);
    }

    public boolean mayReceiveHandling(GradingScheme scheme, String code) {
        return handlingPermitted.getOrDefault(scheme, Set.of()).contains(code);
    }
}
