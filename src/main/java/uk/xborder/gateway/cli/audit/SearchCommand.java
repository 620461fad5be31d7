package uk.xborder.gateway.cli.audit;

import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import uk.xborder.gateway.cli.tool.ExitCode;
import uk.xborder.gateway.cli.tool.Json;

@Command(name = "search", description = {
        "One page of the entries matching the criteria, in log order, as JSON (total, offset, limit, entries) on "
                + "standard output; a count on standard error.",
        "An option not listed here is refused, never ignored: a misspelt criterion would widen the search."})
public final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Mixin
    SelectionOptions selection;

    @Mixin
    PageOptions page;

    @Override
    public Integer call() {
        Map<String, String> parameters = selection.parameters();
        parameters.putAll(page.parameters());
        JsonNode found = Json.readOrNull(api.client().get("/api/audit/entries", parameters));
        Json.print(spec.commandLine().getOut(), found);
        long total = found.path("total").asLong();
        spec.commandLine().getErr().println("# " + found.path("entries").size() + " of " + total
                + " matching entries (offset " + found.path("offset").asInt() + ")");
        return total == 0 ? ExitCode.NEGATIVE : ExitCode.OK;
    }
}
