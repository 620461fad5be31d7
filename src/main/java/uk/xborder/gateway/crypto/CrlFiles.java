package uk.xborder.gateway.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Revocation lists kept in PEM files that are replaced while the gateway runs (a CA re-issues its CRL every few
 * days; an operator or a fetch job drops the new one in place). {@link #current()} re-reads the files whenever one of
 * them changed since the last read, so a certificate revoked since then is caught at its next check, and otherwise
 * costs one file-system look-up per file.
 *
 * <p>A file that cannot be read gives no CRLs at all rather than the previous ones: an unreadable list says nothing
 * about what was revoked since. Replace a file by writing a new one beside it and renaming it over the old one, so
 * that no reader ever sees half of it. Thread-safe.
 */
public final class CrlFiles {

    private final List<Path> files;
    private volatile Snapshot snapshot;

    private CrlFiles(List<Path> files) {
        this.files = files;
    }

    /** The lists in these files, read now. */
    public static CrlFiles read(List<Path> files) throws IOException, CRLException {
        CrlFiles crlFiles = new CrlFiles(List.copyOf(files));
        crlFiles.current();
        return crlFiles;
    }

    /**
     * Every CRL in the files as they are now.
     *
     * @throws IOException  a file is missing or unreadable
     * @throws CRLException a file holds something other than well-formed CRLs
     */
    public List<X509CRL> current() throws IOException, CRLException {
        List<Object> stamps = stamps();
        Snapshot seen = snapshot;
        if (seen != null && seen.stamps().equals(stamps)) {
            return seen.crls();
        }
        synchronized (this) {
            seen = snapshot;
            if (seen != null && seen.stamps().equals(stamps)) {
                return seen.crls();
            }
            snapshot = null;
            List<X509CRL> crls = new ArrayList<>();
            for (Path file : files) {
                crls.addAll(Certificates.readCrls(file));
            }
            // Stamped before reading: a file replaced during the read is read again next time.
            Snapshot read = new Snapshot(stamps, List.copyOf(crls));
            snapshot = read;
            return read.crls();
        }
    }

    /** What tells one version of a file from the next: its identity (a rename replaces it), time and size. */
    private List<Object> stamps() throws IOException {
        List<Object> stamps = new ArrayList<>();
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            stamps.add(List.of(Objects.requireNonNullElse(attributes.fileKey(), "no-key"),
                    attributes.lastModifiedTime(), attributes.size()));
        }
        return stamps;
    }

    @Override
    public String toString() {
        return "CrlFiles" + files;
    }

    private record Snapshot(List<Object> stamps, List<X509CRL> crls) {
    }
}
