package uk.xborder.gateway.cli.audit;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import uk.xborder.gateway.cli.tool.ExitCode;

@Command(name = "search", description = {
        "One page of the entries matching the criteria, in log order, as JSON (total, offset, limit, entries) on "
                + "standard output; a count on standard error.",
        "An option not listed here is refused, never ignored: a misspelt criterion would widen the search."})
public final class SearchCommand extends LiveCommand {

    @Mixin
    SelectionOptions selection;

    @Mixin
    PageOptions page;

    @Override
    public Integer call() {
        Map<String, String> parameters = selection.parameters();
        parameters.putAll(page.parameters());
        JsonNode found = printed(api.client().get("/api/audit/entries", parameters));
        long total = found.path("total").asLong();
        summary("# " + found.path("entries").size() + " of " + total
                + " matching entries (offset " + found.path("offset").asInt() + ")");
        return total == 0 ? ExitCode.NEGATIVE : ExitCode.OK;
    }
}
