package uk.xborder.gateway.cli.audit;

import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import uk.xborder.gateway.cli.tool.ApiClient;
import uk.xborder.gateway.cli.tool.ExitCode;

@Command(name = "trail", description = "Every entry of one exchange, in order, as JSON (exchangeId, entries); "
        + "exit 1 if the log has none.")
public final class TrailCommand extends LiveCommand {

    /** What the API takes as an exchange id. */
    private static final Pattern EXCHANGE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}");

    @Parameters(paramLabel = "EXCHANGE_ID", description = "The exchange, as a status notice or search names it.")
    String exchangeId;

    @Override
    public Integer call() {
        if (!EXCHANGE_ID.matcher(exchangeId).matches()) {
            throw api.refused("EXCHANGE_ID must be 1 to 200 letters, digits or . _ : @ - (e.g. a UUID)");
        }
        JsonNode trail = printed(api.client().get("/api/audit/exchanges/" + ApiClient.segment(exchangeId),
                Map.of()));
        summary("# " + trail.path("entries").size() + " entries of exchange " + exchangeId);
        return trail.path("entries").isEmpty() ? ExitCode.NEGATIVE : ExitCode.OK;
    }
}
