package uk.xborder.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

import uk.xborder.gateway.audit.verify.LogVerifier;
import uk.xborder.gateway.audit.verify.VerificationReport;

/**
 * Verifies the live log now and reports the result, as an object Jackson can write as JSON (a record, a map). The
 * API depends on this interface; {@link #of} adapts the gateway's {@link LogVerifier}.
 */
@FunctionalInterface
public interface LiveVerification {

    Object verify();

    /**
     * The {@link LogVerifier}'s report: {@code ok}, {@code failure} and {@code problem} (null when ok), a one-line
     * {@code summary}, what was checked, and {@code timeTakenMillis}. A log that fails verification is still a
     * {@code 200}: the verification ran, and its report says what is wrong.
     */
    static LiveVerification of(LogVerifier verifier) {
        return () -> {
            VerificationReport report = verifier.verify();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("ok", report.ok());
            view.put("failure", report.failure() == null ? null : report.failure().name());
            view.put("problem", report.problem());
            view.put("summary", report.summary());
            view.put("entriesChecked", report.entriesChecked());
            view.put("checkpointsChecked", report.checkpointsChecked());
            view.put("signedTreeSize", report.signedTreeSize());
            view.put("entriesAfterLatestCheckpoint", report.entriesAfterLatestCheckpoint());
            view.put("timeTakenMillis", report.timeTaken().toMillis());
            return view;
        };
    }
}
