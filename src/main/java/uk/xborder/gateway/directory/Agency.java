package uk.xborder.gateway.directory;

/**
 * An agency system that sends intelligence through the gateway from its queue {@code gw.agency.<id>.out}.
 *
 * @param id     the party id, also the middle of its queue names
 * @param name   the agency's name as people know it
 * @param format the id of the XML format it sends and receives (see {@code uk.xborder.gateway.format.FormatRegistry})
 * @param partyId the party id partners know it by: the sender of its envelopes, and the addressee of envelopes
 *               meant for it (for example the agency {@code europol-ops} is addressed as {@code europol}); by
 *               default its id
 */
public record Agency(String id, String name, String format, String partyId) {

    public Agency(String id, String name, String format) {
        this(id, name, format, id);
    }

    public String inboundQueue() {
        return "gw.agency." + id + ".in";
    }

    public String outboundQueue() {
        return "gw.agency." + id + ".out";
    }

    public String statusQueue() {
        return "gw.agency." + id + ".status";
    }
}
