package uk.xborder.gateway.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An evidence bundle as it is sent to the auditor: its bytes, media type and a file name to save it under.
 *
 * @param mediaType e.g. {@code application/zip} or {@code application/json}
 * @param fileName  suggested file name, e.g. {@code evidence-2026-01-31T120000Z.zip}
 * @param content   the bundle's bytes
 */
public record ExportedBundle(String mediaType, String fileName, byte[] content) {

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public ExportedBundle {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        // it goes into a Content-Disposition header: plain characters only
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
            throw new IllegalArgumentException("a bundle file name is 1 to 100 letters, digits or . _ -");
        }
    }
}
