package uk.xborder.gateway.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import uk.xborder.gateway.testsupport.RunningGateway;
import uk.xborder.gateway.xml.SafeXmlParser;

/**
 * The distribution, and so the Docker image made from it, carries the example PKI without its CAs' private keys: the
 * assembly's file set for certs-example/ leaves out exactly the CA keys (its patterns applied here to the files of
 * the repository, as the assembly applies them), the Dockerfile copies nothing but the distribution, and the build
 * context leaves the CA keys out as well. (Docker cannot run on these machines; the image is checked through what it
 * is built from.)
 */
class DistributionContentsTest {

    private static final Path BASE = RunningGateway.projectDirectory();

    @Test
    void theAssemblyLeavesOutTheExampleCaKeysAndNothingElseOfTheExamplePki() throws Exception {
        Element certs = certsExampleFileSet();
        List<PathMatcher> excludes = new ArrayList<>();
        NodeList patterns = certs.getElementsByTagName("exclude");
        for (int i = 0; i < patterns.getLength(); i++) {
            excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + patterns.item(i).getTextContent().strip()));
        }
        assertThat(certs.getElementsByTagName("include").getLength()).as("includes").isZero();

        Path root = BASE.resolve("certs-example");
        List<String> shipped = new ArrayList<>();
        List<String> left = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = root.relativize(file);
                (excludes.stream().anyMatch(m -> m.matches(relative)) ? left : shipped).add(relative.toString());
            }
        }

        assertThat(left).containsExactlyInAnyOrder("uk-root-ca/key.pem", "eu-root-ca/key.pem");
        assertThat(shipped).contains("uk-root-ca/cert.pem", "uk-root-ca/crl.pem", "eu-root-ca/cert.pem",
                "gateway/cert.pem", "gateway/key.pem", "README.md", "generate.sh")
                .noneMatch(name -> name.matches(".*-ca/key\\.pem"));
    }

    @Test
    void theImageIsTheDistributionAndTheBuildContextLeavesTheCaKeysOut() throws Exception {
        List<String> copies = Files.readAllLines(BASE.resolve("docker/Dockerfile")).stream()
                .map(String::strip).filter(line -> line.matches("(?i)^(COPY|ADD)\\s.*")).toList();
        assertThat(copies).containsExactly("COPY target/xborder-gateway/ /opt/xborder-gateway/");

        List<String> ignore = Files.readAllLines(BASE.resolve(".dockerignore")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(ignore).containsExactly("*", "!target/xborder-gateway/",
                "target/xborder-gateway/certs-example/*-ca/key.pem");
    }

    private static Element certsExampleFileSet() throws Exception {
        Document assembly = new SafeXmlParser().parse(Files.readAllBytes(BASE.resolve("src/assembly/distribution.xml")));
        NodeList sets = assembly.getElementsByTagNameNS("*", "fileSet");
        for (int i = 0; i < sets.getLength(); i++) {
            Element set = (Element) sets.item(i);
            NodeList directory = set.getElementsByTagNameNS("*", "directory");
            if (directory.getLength() > 0 && directory.item(0).getTextContent().strip().equals("certs-example")) {
                return set;
            }
        }
        throw new AssertionError("the assembly has no file set for certs-example");
    }
}
