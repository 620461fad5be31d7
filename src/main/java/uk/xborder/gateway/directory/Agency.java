package uk.xborder.gateway.directory;

/**
 * An agency system that sends intelligence through the gateway from its queue {@code gw.agency.<id>.out}.
 *
 * @param id     the party id, also the middle of its queue names
 * @param name   the agency's name as people know it
 * @param format the id of the XML format it sends (see {@code uk.xborder.gateway.format.FormatRegistry})
 */
public record Agency(String id, String name, String format) {

    public String outboundQueue() {
        return "gw.agency." + id + ".out";
    }

    public String statusQueue() {
        return "gw.agency." + id + ".status";
    }
}
