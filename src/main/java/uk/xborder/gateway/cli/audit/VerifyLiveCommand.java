package uk.xborder.gateway.cli.audit;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.Json;

@Command(name = "verify-live", description = {
        "Have the gateway check the whole live log against its signed checkpoints: the report as JSON on standard "
                + "output, VERIFIED or NOT VERIFIED and its summary on standard error; exit 1 if it is not intact.",
        "Roles auditor and admin."})
public final class VerifyLiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        JsonNode report = Json.readOrNull(api.client().post("/api/audit/verify", null));
        Json.print(spec.commandLine().getOut(), report);
        boolean ok = report.path("ok").asBoolean(false);
        spec.commandLine().getErr().println((ok ? "VERIFIED live log: " : "NOT VERIFIED live log: ")
                + report.path("summary").asText());
        return ok ? ExitCode.OK : ExitCode.NEGATIVE;
    }
}
