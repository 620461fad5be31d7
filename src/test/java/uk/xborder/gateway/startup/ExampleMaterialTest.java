package uk.xborder.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import uk.xborder.gateway.crypto.Certificates;
import uk.xborder.gateway.testsupport.RunningGateway;

/**
 * The lists the gateway recognises the example material by are those of the files shipped: every certificate and
 * every private key under certs-example/ (keys read by OpenSSL, not by the gateway's own code), and every hash in
 * config/users.yaml. Regenerating either without the list fails here.
 */
class ExampleMaterialTest {

    private static final Path BASE = RunningGateway.projectDirectory();

    @Test
    void everyCertificateUnderCertsExampleIsRecognisedByItsKeyAndNothingElseIsListed() throws Exception {
        ExamplePki pki = ExamplePki.load();
        List<Path> certificates = files("cert.pem");

        assertThat(certificates).hasSizeGreaterThanOrEqualTo(12);
        for (Path file : certificates) {
            assertThat(pki.exampleFileOf(Certificates.readCertificate(file))).as(file.toString())
                    .hasValue(BASE.relativize(file).toString());
        }
        assertThat(pki.size()).isEqualTo(certificates.size());
    }

    @Test
    void everyPrivateKeyUnderCertsExampleIsOneOfTheListedKeys() throws Exception {
        Set<String> listed = Files.readAllLines(BASE.resolve("src/main/resources/" + ExamplePki.RESOURCE)).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\\s+")[0])
                .collect(Collectors.toSet());
        List<Path> keys = files("key.pem");

        assertThat(keys).hasSizeGreaterThanOrEqualTo(12);
        for (Path key : keys) {
            assertThat(listed).as(key.toString()).contains(publicKeyFingerprintByOpenSsl(key));
        }
    }

    @Test
    void theExampleUsersAreThoseOfTheShippedUsersFile() throws IOException {
        Matcher hashes = Pattern.compile("passwordHash: \"([^\"]+)\"").matcher(
                Files.readString(BASE.resolve("config/users.yaml")));
        Set<String> shipped = new java.util.HashSet<>();
        while (hashes.find()) {
            shipped.add(hashes.group(1));
        }

        assertThat(shipped).hasSize(3);
        assertThat(ExampleUsers.load().hashes()).isEqualTo(shipped);
    }

    private static List<Path> files(String name) throws IOException {
        try (Stream<Path> walk = Files.walk(BASE.resolve("certs-example"))) {
            return walk.filter(p -> p.getFileName().toString().equals(name)).sorted().toList();
        }
    }

    private static String publicKeyFingerprintByOpenSsl(Path key) throws Exception {
        Process openssl = new ProcessBuilder("openssl", "pkey", "-in", key.toString(), "-pubout", "-outform", "DER")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] der = openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as("openssl pkey " + key).isZero();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
}
