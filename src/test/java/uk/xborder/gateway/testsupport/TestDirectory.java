package uk.xborder.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A partner directory for one test: the shipped {@code config/directory.yaml} with its certificate paths made
 * absolute, a partner's certificate swapped for another, and partners added. Edits are textual and checked: one that
 * matches nothing fails the test.
 */
public final class TestDirectory {

    private String yaml;

    private TestDirectory(String yaml) {
        this.yaml = yaml;
    }

    /** The shipped directory, reading its certificates from the repository's {@code certs-example/}. */
    public static TestDirectory shipped() throws IOException {
        Path base = RunningGateway.projectDirectory();
        return new TestDirectory(Files.readString(base.resolve("config/directory.yaml"))
                .replace("../certs-example", base.resolve("certs-example").toString()));
    }

    /** The partner's directory certificate becomes this file (the shipped one is certs-example/{partner}/cert.pem). */
    public TestDirectory certificate(String partner, Path certificate) {
        String shipped = "certificate: " + RunningGateway.projectDirectory()
                .resolve("certs-example").resolve(partner).resolve("cert.pem");
        if (!yaml.contains(shipped)) {
            throw new IllegalArgumentException("the shipped directory has no line '" + shipped + "'");
        }
        yaml = yaml.replace(shipped, "certificate: " + certificate.toAbsolutePath());
        return this;
    }

    /** The partner's certificate becomes that of another party of the example PKI (certs-example/{party}). */
    public TestDirectory certificateOf(String partner, String exampleParty) {
        return certificate(partner, RunningGateway.projectDirectory().resolve("certs-example").resolve(exampleParty)
                .resolve("cert.pem"));
    }

    /**
     * Adds a UK partner in the UK agency format on {@code jms:queue:gw.partner.<id>.out}, allowed every 3x5x2 and
     * 5x5x5 1-3 handling code, with this certificate and trust anchor and CRL (PEM files; null leaves the entry
     * without, so the gateway's defaults apply).
     */
    public TestDirectory addUkPartner(String id, Path certificate, Path trustAnchor, Path crl) {
        StringBuilder entry = new StringBuilder("\n  - id: ").append(id)
                .append("\n    name: ").append(id).append(" (made by a test)")
                .append("\n    jurisdiction: UK")
                .append("\n    format: uk-agency-5x5x5-1")
                .append("\n    endpoint: jms:queue:gw.partner.").append(id).append(".out")
                .append("\n    certificate: ").append(certificate.toAbsolutePath());
        if (trustAnchor != null) {
            entry.append("\n    trustAnchor: ").append(trustAnchor.toAbsolutePath());
        }
        if (crl != null) {
            entry.append("\n    crl: ").append(crl.toAbsolutePath());
        }
        entry.append("\n    highestMarking: { scheme: UK_GSC, level: SECRET }")
                .append("\n    handlingPermitted:")
                .append("\n      UK_3X5X2: [P, C]")
                .append("\n      UK_5X5X5: [\"1\", \"2\", \"3\"]")
                .append("\n");
        yaml = yaml.stripTrailing() + "\n" + entry;
        return this;
    }

    /**
     * Writes {@code directory.yaml} into {@code folder}: the shipped directory with each key of {@code edits}
     * replaced by its value. An edit that matches nothing fails.
     */
    public static Path write(Path folder, Map<String, String> edits) throws IOException {
        TestDirectory directory = shipped();
        edits.forEach(directory::edit);
        return directory.write(folder);
    }

    /** Replaces text of the directory; text that is not there fails. */
    public TestDirectory edit(String text, String replacement) {
        if (!yaml.contains(text)) {
            throw new IllegalArgumentException("the example directory has no '" + text + "'");
        }
        yaml = yaml.replace(text, replacement);
        return this;
    }

    /** Writes the directory as {@code directory.yaml} in the folder. */
    public Path write(Path folder) throws IOException {
        return Files.writeString(folder.resolve("directory.yaml"), yaml);
    }
}
