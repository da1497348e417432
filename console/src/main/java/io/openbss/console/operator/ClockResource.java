package io.openbss.console.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.openbss.console.api.AdminApi;
import io.openbss.console.api.ApiAnswer;
import io.openbss.console.layout.BadParameter;
import io.openbss.console.layout.Formats;
import io.openbss.console.layout.Page;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The sandbox clock of billing, orders and enterprise ({@code /admin/v1/services/<service>/v1/sandbox/clock}):
 * moved forward together, as {@code ./bss clock +6d} does, then the resource lifecycle runs at the new time.
 */
@Path("/operator/clock")
public class ClockResource {

    static final List<String> SERVICES = List.of("billing", "orders", "enterprise");
    static final long MAX_HOURS = 24 * 3660;

    @Inject
    AdminApi admin;

    @Inject
    CurrentSession current;

    @Location("operator/clock.html")
    Template clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("done") String done) {
        Session session = current.get();
        return render(session, OperatorPages.of(session, "/operator/clock", "nav_clock", done), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forward(@RestForm String days, @RestForm String hours) {
        Session session = current.get();
        Page page = OperatorPages.of(session, "/operator/clock", "nav_clock", null);
        long seconds;
        try {
            seconds = (count(days, "days") * 24 + count(hours, "hours")) * 3600;
        } catch (BadParameter bad) {
            return render(session, page.withBadParameter(bad.getMessage()),
                    400);
        }
        if (seconds <= 0) {
            return render(session, page.withBadParameter("days"), 400);
        }
        ApiAnswer now = admin.get(session, path("billing"), Map.of());
        if (!now.ok()) {
            return render(session, page.withError(OperatorPages.error(now)), now.status());
        }
        long offset = now.get("offset_seconds").asLong() + seconds;
        for (String service : SERVICES) {
            ApiAnswer moved = admin.call(session, "PUT", path(service), Map.of(), Map.of("offset_seconds", offset));
            if (!moved.ok()) {
                return render(session, page.withError(service + ": " + OperatorPages.error(moved)), moved.status());
            }
        }
        ApiAnswer run = admin.call(session, "POST", "/admin/v1/services/orders/v1/lifecycle/runs", Map.of(), null);
        if (!run.ok()) {
            return render(session, page.withError("lifecycle: " + OperatorPages.error(run)), run.status());
        }
        return OperatorPages.seeOther("/operator/clock", "clock_moved");
    }

    private Response render(Session session, Page page, int status) {
        Formats formats = new Formats(session);
        List<Map<String, Object>> clocks = new ArrayList<>();
        boolean movable = true;
        for (String service : SERVICES) {
            ApiAnswer answer = admin.get(session, path(service), Map.of());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("service", service);
            if (answer.ok()) {
                row.put("now", formats.time(answer.get("now").asText()));
                row.put("offset", offset(answer.get("offset_seconds")));
                row.put("control", answer.get("clock_control").asBoolean());
                movable &= answer.get("clock_control").asBoolean();
            } else {
                row.put("error", OperatorPages.error(answer));
                movable = false;
            }
            clocks.add(row);
        }
        return OperatorPages.html(status, clock.data("page", page).data("clocks", clocks).data("movable", movable));
    }

    /** An offset as days, hours and minutes ahead of (or, with a minus, behind) real time. */
    static String offset(JsonNode seconds) {
        long total = seconds.asLong();
        long abs = Math.abs(total);
        return (total < 0 ? "-" : "+") + abs / 86_400 + "d " + abs % 86_400 / 3600 + "h " + abs % 3600 / 60 + "m";
    }

    private static long count(String value, String name) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        if (!value.strip().matches("\\d{1,6}") || Long.parseLong(value.strip()) > MAX_HOURS) {
            throw new BadParameter(name);
        }
        return Long.parseLong(value.strip());
    }

    private static String path(String service) {
        return "/admin/v1/services/" + service + "/v1/sandbox/clock";
    }
}
