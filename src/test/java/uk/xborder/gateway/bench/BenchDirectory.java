package uk.xborder.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;

/**
 * The distribution's own partner directory, with one change: each partner waits a day for its receipt instead of two
 * minutes. The outbound load has nobody answering as the partners (their decryption would take the CPU the gateway is
 * measured on), and resends of unanswered envelopes after two minutes would otherwise land in later phases and
 * count against them. The certificate paths are made absolute, as the copy lives elsewhere.
 */
final class BenchDirectory {

    static final String RECEIPT_TIMEOUT = "PT24H";

    private BenchDirectory() {
    }

    static Path write(Path distribution, Path copy) throws IOException {
        String shipped = Files.readString(distribution.resolve("config/directory.yaml"), StandardCharsets.UTF_8);
        String certificates = Matcher.quoteReplacement(distribution.resolve("certs-example").toString());
        String bench = shipped.replaceAll("\\.\\./certs-example", certificates)
                .replaceAll("(?m)^(    endpoint: .*)$", "$1\n    receiptTimeout: " + RECEIPT_TIMEOUT);
        if (!bench.contains("receiptTimeout: " + RECEIPT_TIMEOUT)) {
            throw new IllegalStateException("the shipped directory has no partner endpoints to change");
        }
        return Files.writeString(copy, bench, StandardCharsets.UTF_8);
    }
}
