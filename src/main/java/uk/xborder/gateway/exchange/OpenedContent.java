package uk.xborder.gateway.exchange;

/** The content of one exchange, opened: handle as message content (never log it). */
public record OpenedContent(String reference, ContentKind kind, String keyId, byte[] bytes) {

    public OpenedContent {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "OpenedContent[" + reference + ", " + kind + ", " + bytes.length + " bytes]";
    }
}
