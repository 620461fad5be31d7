package uk.xborder.gateway.pipeline;

/**
 * Names of the Camel exchange properties the routes and the step beans share. The YAML routes use them as
 * {@code ${exchangeProperty.<name>}} or {@code setProperty: name:}, with a comment naming the constant;
 * {@code RouteNamesTest} checks that every name the routes use is one of these.
 */
public final class ExchangeProperties {

    /** The agency whose queue the message arrived on; set by the outbound route template. */
    public static final String AGENCY = "gwAgency";
    /** The exchange record, {@code outbound.OutboundMessage}, seen by every step and error handler. */
    public static final String OUTBOUND = "gwOutbound";
    /** The recipient a per-recipient sub-exchange works for; set by the deliver-to-recipient route. */
    public static final String RECIPIENT = "gwRecipient";
    /** The sealed transport envelope for that recipient, once wrapped (what is held when delivery fails). */
    public static final String ENVELOPE = "gwEnvelope";
    /**
     * SHA-256 (hex) of the encrypted payload for that recipient, as the envelope carries it: what the ENCRYPTED step
     * records and what the partner's receipt must name.
     */
    public static final String PAYLOAD_DIGEST = "gwPayloadDigest";
    /** The Camel endpoint URI the envelope is delivered to. */
    public static final String ENDPOINT = "gwEndpoint";
    /** How the envelope travels to that recipient: {@code directory.Partner.Transport} by name, JMS or HTTPS. */
    public static final String TRANSPORT = "gwTransport";
    /**
     * The {@code X509Certificate} an HTTPS client authenticated with, set by the inbound HTTPS endpoint; the inbound
     * pipeline checks it belongs to the envelope's sender.
     */
    public static final String CLIENT_CERTIFICATE = "gwClientCertificate";
    /** A partner's receipt being taken in ({@code receipt.ReceiptInHand}): what it says, and the delivery it closes. */
    public static final String RECEIPT = "gwReceipt";
    /** An overdue delivery taken up by this node ({@code receipt.OverdueDelivery}): to send again, or to give up. */
    public static final String OVERDUE = "gwOverdue";
    /** A delivery being tried again off the agency's queue ({@code outbound.PendingDelivery}), in the retry route. */
    public static final String RETRY = "gwRetry";
    /**
     * A hand-over given up ({@code pipeline.DeliveryFailure}), set where its attempt failed and thrown by the step
     * after the attempt, so that the route's error handling (not the attempt's catch block) fails the recipient.
     */
    public static final String GIVEN_UP = "gwGivenUp";
    /**
     * The body of the message as the gateway received it, read once by {@code broker.ReceivedBodies} for every step
     * and error handler of the exchange: a JMS body can be streamed only once.
     */
    public static final String RECEIVED_BODY = "gwReceivedBody";
    /** The admitted API request ({@code api.ApiRequest}): who asked, with which justification. */
    public static final String API_REQUEST = "gwApiRequest";

    /** The inbound exchange record, {@code inbound.InboundMessage}, seen by every inbound step and error handler. */
    public static final String INBOUND = "gwInbound";
    /**
     * The partner whose own channel an envelope came through (a queue on that partner's broker); the envelope must
     * name it as its sender.
     */
    public static final String CHANNEL_PARTNER = "gwChannelPartner";
    /** How the envelope arrived: {@code JMS} when the JMS inbound route handed it on (receipts then go by JMS). */
    public static final String INBOUND_TRANSPORT = "gwInboundTransport";
    /** Where the receipt for an envelope that came by JMS goes: the partner's receipt endpoint. */
    public static final String RECEIPT_ENDPOINT = "gwReceiptEndpoint";

    private ExchangeProperties() {
    }
}
