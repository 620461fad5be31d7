package uk.xborder.gateway.cli.audit;


import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

import uk.xborder.gateway.cli.tool.ExitCode;

@Command(name = "verify-live", description = {
        "Have the gateway check the whole live log against its signed checkpoints: the report as JSON on standard "
                + "output, VERIFIED or NOT VERIFIED and its summary on standard error; exit 1 if it is not intact.",
        "Roles auditor and admin."})
public final class VerifyLiveCommand extends LiveCommand {

    @Override
    public Integer call() {
        JsonNode report = printed(api.client().post("/api/audit/verify", null));
        boolean ok = report.path("ok").asBoolean(false);
        summary((ok ? "VERIFIED live log: " : "NOT VERIFIED live log: ")
                + report.path("summary").asText());
        return ok ? ExitCode.OK : ExitCode.NEGATIVE;
    }
}
