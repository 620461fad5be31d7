package uk.xborder.gateway.startup;

import java.util.List;

/**
 * The gateway is reachable from beyond its host and would run on published example material: it does not start. The
 * message says why it counts as reachable and which files (and the settings naming them) to replace.
 */
public final class ExampleMaterialException extends IllegalStateException {

    private final List<String> findings;

    ExampleMaterialException(Exposure exposure, List<String> findings) {
        super(message(exposure, findings));
        this.findings = List.copyOf(findings);
    }

    /** One sentence per file to replace, naming the setting. */
    public List<String> findings() {
        return findings;
    }

    private static String message(Exposure exposure, List<String> findings) {
        StringBuilder text = new StringBuilder("The gateway is reachable from beyond this host (")
                .append(String.join("; ", exposure.reasons()))
                .append(") and will not start with the example PKI or the example users, whose private keys and "
                        + "passwords are published with it. Replace:");
        for (String finding : findings) {
            text.append("\n  - ").append(finding);
        }
        text.append("\nMake your own keys and certificates (your PKI, or certs-example/generate.sh run in a copy of "
                + "certs-example/) and your own users file (uk.xborder.gateway.api.HashPassword).");
        return text.toString();
    }
}
