package io.openbss.console.tables;

import io.openbss.console.layout.BadParameter;
import io.openbss.console.layout.Grants;
import io.openbss.console.session.CurrentSession;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;

/** Every table page as a CSV file with the filters it shows: {@code /export/<table>.csv?<filters>}. */
@Path("/export")
public class TableExportResource {

    @Inject
    @Any
    Instance<TablePage> pages;

    @Inject
    TableReader reader;

    @Inject
    CurrentSession current;

    @GET
    @Path("{table}.csv")
    public Response export(@PathParam("table") String table, @Context UriInfo uri) {
        TablePage page = pages.stream().filter(candidate -> candidate.id().equals(table)).findFirst()
                .filter(found -> Grants.may(current.get(), found.operation())).orElse(null);
        if (page == null) {
            return Response.status(404).type("text/plain").entity("no such table: " + table).build();
        }
        try {
            String csv = reader.csv(current.get(), page, single(uri));
            return Response.ok("\uFEFF" + csv, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + table + ".csv\"").build();
        } catch (BadParameter bad) {
            return Response.status(400).type("text/plain").entity("invalid parameter " + bad.getMessage()).build();
        } catch (TableReader.ExportRefused refused) {
            return Response.status(502).type("text/plain").entity(refused.getMessage()).build();
        }
    }

    /** The query's parameters, each its first value. */
    public static Map<String, String> single(UriInfo uri) {
        Map<String, String> values = new HashMap<>();
        uri.getQueryParameters().forEach((name, list) -> values.put(name, list.getFirst()));
        return values;
    }
}
