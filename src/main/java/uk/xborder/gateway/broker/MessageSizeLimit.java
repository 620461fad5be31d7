package uk.xborder.gateway.broker;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.apache.activemq.artemis.api.core.ActiveMQException;
import org.apache.activemq.artemis.api.core.ActiveMQInterceptorRejectedPacketException;
import org.apache.activemq.artemis.api.core.Interceptor;
import org.apache.activemq.artemis.core.protocol.core.Channel;
import org.apache.activemq.artemis.core.protocol.core.CoreRemotingConnection;
import org.apache.activemq.artemis.core.protocol.core.Packet;
import org.apache.activemq.artemis.core.protocol.core.ServerSessionPacketHandler;
import org.apache.activemq.artemis.core.protocol.core.impl.PacketImpl;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.ActiveMQExceptionMessage;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.ActiveMQExceptionMessage_V2;
import org.apache.activemq.artemis.core.protocol.core.impl.wireformat.SessionContinuationMessage;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnection;
import org.apache.activemq.artemis.spi.core.protocol.RemotingConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.xborder.gateway.settings.BrokerSettings;
import uk.xborder.gateway.settings.GatewaySettings;
import uk.xborder.gateway.settings.SettingsException;

/**
 * The embedded broker's bound on what a client may send ({@code gateway.broker.embedded.max-message-bytes}): an
 * incoming interceptor that refuses, before it is queued, any message whose encoded size is larger. The sender gets
 * the refusal as the failure of its send (a {@code JMSException} naming the limit, or the failure of its commit in
 * a transacted session); the connection stays open and the next message goes through.
 *
 * <p>A message up to the client's large-message threshold (100 KiB by default) arrives in one packet and is measured
 * as a whole. A larger one arrives as a header packet ({@code SessionSendLargeMessage}) followed by body chunks
 * ({@code SessionSendContinuationMessage}, the last one marked as not continuing) on the channel of the sending
 * session; the bytes are counted per session as they arrive, and once past the limit the rest of that message's
 * chunks are dropped, so that the broker never writes more than the limit of it. The last chunk is answered with
 * the refusal. What the broker wrote of it before the limit was reached is a large message never completed: Artemis
 * deletes it when the session sends its next large message or closes (and at a restart).
 *
 * <p>Decision: the gateway's own connection (in-VM, inside this process) is not limited. Everything it sends was
 * made by it or was measured on its way in, and a copy it keeps on a holding queue, with headers of its own, must
 * not be refused for being a few bytes larger than the original it keeps.
 */
public final class MessageSizeLimit implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSizeLimit.class);
    /** Room for the headers and properties of a message whose body is at one of the gateway's own limits. */
    static final long HEADER_ALLOWANCE = 64 * 1024;

    private final long maxBytes;
    /** Large messages being received, by the session (its packet handler) that sends them; gone with the session. */
    private final Map<ServerSessionPacketHandler, LargeMessageTally> inProgress =
            Collections.synchronizedMap(new WeakHashMap<>());

    public MessageSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Refuses settings under which the broker would refuse messages the gateway itself accepts, naming both
     * settings. An agency's message may be text, which a client encodes in two bytes per character (and a character
     * takes at least one byte of UTF-8), so the broker needs twice the gateway's message limit; transport envelopes
     * are bytes messages.
     */
    public static void requireBrokerAboveGatewayLimits(GatewaySettings settings) {
        long broker = settings.broker().embeddedMaxMessageBytes();
        long agencyMessages = 2 * settings.outbound().maxMessageBytes() + HEADER_ALLOWANCE;
        if (broker < agencyMessages) {
            throw new SettingsException(BrokerSettings.EMBEDDED_MAX_MESSAGE_BYTES, "is " + broker + " bytes, below "
                    + "what the gateway accepts from agencies: gateway.max-message-bytes is "
                    + settings.outbound().maxMessageBytes() + " bytes, and a text message of that size takes up to "
                    + agencyMessages + " bytes on the broker (two bytes per character, with its headers). Raise "
                    + BrokerSettings.EMBEDDED_MAX_MESSAGE_BYTES + " to at least " + agencyMessages
                    + " or lower gateway.max-message-bytes");
        }
        long envelopes = settings.inbound().maxEnvelopeBytes() + HEADER_ALLOWANCE;
        if (broker < envelopes) {
            throw new SettingsException(BrokerSettings.EMBEDDED_MAX_MESSAGE_BYTES, "is " + broker + " bytes, below "
                    + "what the gateway accepts from partners: gateway.inbound.max-envelope-bytes is "
                    + settings.inbound().maxEnvelopeBytes() + " bytes, " + envelopes + " with its headers. Raise "
                    + BrokerSettings.EMBEDDED_MAX_MESSAGE_BYTES + " to at least " + envelopes
                    + " or lower gateway.inbound.max-envelope-bytes");
        }
    }

    @Override
    public boolean intercept(Packet packet, RemotingConnection connection) {
        if (connection.getTransportConnection() instanceof InVMConnection) {
            return true;
        }
        return switch (packet.getType()) {
            case PacketImpl.SESS_SEND -> whole(packet, connection);
            case PacketImpl.SESS_SEND_LARGE -> largeHeader(packet, connection);
            case PacketImpl.SESS_SEND_CONTINUATION -> largeChunk((SessionContinuationMessage) packet, connection);
            default -> true;
        };
    }

    private boolean whole(Packet packet, RemotingConnection connection) {
        long size = packet.getPacketSize();
        if (size <= maxBytes) {
            return true;
        }
        ServerSessionPacketHandler session = session(packet, connection);
        refuse(packet, session, "The message is " + size + " bytes");
        return false;
    }

    private boolean largeHeader(Packet packet, RemotingConnection connection) {
        ServerSessionPacketHandler session = session(packet, connection);
        if (session == null) {
            return true;
        }
        LargeMessageTally tally = new LargeMessageTally(packet.getPacketSize());
        inProgress.put(session, tally);
        // A header beyond the limit is dropped too: the broker then never starts the message.
        return !tally.exceeds(maxBytes);
    }

    private boolean largeChunk(SessionContinuationMessage chunk, RemotingConnection connection) {
        ServerSessionPacketHandler session = session(chunk, connection);
        if (session == null) {
            return true;
        }
        LargeMessageTally tally = inProgress.computeIfAbsent(session, s -> new LargeMessageTally(0));
        boolean refusedBefore = tally.exceeds(maxBytes);
        tally.add(chunk.getBody() == null ? 0 : chunk.getBody().length);
        boolean last = !chunk.isContinues();
        if (last) {
            inProgress.remove(session);
        }
        if (!tally.exceeds(maxBytes)) {
            return true;
        }
        if (!refusedBefore) {
            // the session's transaction (if any) cannot commit without it
            session.getSession().markTXFailed(refusal("The message is more than " + maxBytes + " bytes"));
        }
        if (last) {
            refuse(chunk, session, "The message is at least " + tally.bytes() + " bytes");
        }
        return false;
    }

    /** Answers the packet with the refusal when its sender waits for an answer; the packet itself goes no further. */
    private void refuse(Packet packet, ServerSessionPacketHandler session, String measured) {
        ActiveMQException refusal = refusal(measured);
        if (session == null) {
            return;
        }
        LOG.warn("Refused a message from broker user {}: {} (limit {} bytes, {})",
                session.getSession().getUsername(), measured, maxBytes, BrokerSettings.EMBEDDED_MAX_MESSAGE_BYTES);
        session.getSession().markTXFailed(refusal);
        if (packet.isRequiresResponse()) {
            Channel channel = session.getChannel();
            channel.send(packet.isResponseAsync()
                    ? new ActiveMQExceptionMessage_V2(packet.getCorrelationID(), refusal)
                    : new ActiveMQExceptionMessage(refusal));
        }
    }

    private ActiveMQException refusal(String measured) {
        return new ActiveMQInterceptorRejectedPacketException(measured + ", more than this broker accepts ("
                + maxBytes + " bytes): it was not queued.");
    }

    /** The handler of the session the packet belongs to; null for a packet on a channel that is not a session's. */
    private static ServerSessionPacketHandler session(Packet packet, RemotingConnection connection) {
        if (!(connection instanceof CoreRemotingConnection core)) {
            return null;
        }
        Channel channel = core.getChannel(packet.getChannelID(), -1);
        if (channel.getHandler() == null) {
            // Not a channel of this connection: the lookup made it, and the broker would have dropped the packet.
            core.removeChannel(packet.getChannelID());
            return null;
        }
        return channel.getHandler() instanceof ServerSessionPacketHandler handler ? handler : null;
    }

    /** The bytes of one large message received so far. Its session's packets come in on one thread at a time. */
    private static final class LargeMessageTally {

        private long bytes;

        LargeMessageTally(long headerBytes) {
            this.bytes = headerBytes;
        }

        void add(long chunkBytes) {
            bytes += chunkBytes;
        }

        long bytes() {
            return bytes;
        }

        boolean exceeds(long limit) {
            return bytes > limit;
        }
    }
}
