package uk.xborder.gateway.cli.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.audit.evidence.BundleVerificationException;
import uk.xborder.gateway.audit.evidence.BundleVerifier;
import uk.xborder.gateway.audit.verify.VerificationReport;
import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.LocalFiles;
import uk.xborder.gateway.cli.tool.ToolFailure;
import uk.xborder.gateway.crypto.Certificates;

@Command(name = "verify", description = {
        "Check an evidence bundle offline: no gateway, no database, no network; only the trusted root "
                + "certificate(s) and, to check the audit key's revocation, the CRL(s).",
        "Prints VERIFIED and what was checked, or NOT VERIFIED and the first fault; exit 1 if not verified."})
public final class VerifyBundleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "The bundle, as audit export or the API wrote it.")
    Path bundle;

    @Option(names = "--trust", paramLabel = "CA.pem", required = true,
            description = "A trusted root certificate (PEM); repeat for several.")
    List<Path> trust;

    @Option(names = "--crl", paramLabel = "CRL.pem", description = "A certificate revocation list (PEM); repeatable.")
    List<Path> crl = List.of();

    @Override
    public Integer call() {
        List<X509Certificate> anchors = new ArrayList<>();
        trust.forEach(file -> anchors.addAll(read(file, () -> Certificates.readCertificates(file))));
        if (anchors.isEmpty()) {
            throw new ToolFailure(ExitCode.USAGE, "no certificate in the --trust file(s)");
        }
        List<X509CRL> crls = new ArrayList<>();
        crl.forEach(file -> crls.addAll(read(file, () -> Certificates.readCrls(file))));
        byte[] content = LocalFiles.read(bundle);
        PrintWriter out = spec.commandLine().getOut();
        try {
            VerificationReport report = BundleVerifier.trusting(anchors, crls).verify(content);
            out.println("VERIFIED " + bundle + ": " + report.summary());
            if (crls.isEmpty()) {
                out.println("note: no CRL given, so the audit key's revocation was not checked");
            }
            return ExitCode.OK;
        } catch (BundleVerificationException e) {
            out.println("NOT VERIFIED " + bundle + ": " + e.code() + ": " + e.getMessage());
            return ExitCode.NEGATIVE;
        }
    }

    private interface PemReader<T> {
        List<T> read() throws IOException, GeneralSecurityException;
    }

    private static <T> List<T> read(Path file, PemReader<T> reader) {
        try {
            return reader.read();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new ToolFailure(ExitCode.USAGE, "cannot read " + file + " as PEM");
        }
    }
}
