package io.openbss.console.funds;

import io.openbss.console.layout.Grants;
import io.openbss.console.layout.Pages;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.CurrentSession;
import io.openbss.console.session.Session;
import io.openbss.console.tables.Column;
import io.openbss.console.tables.Filter;
import io.openbss.console.tables.Tab;
import io.openbss.console.tables.TableExportResource;
import io.openbss.console.tables.TablePage;
import io.openbss.console.tables.TableReader;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;

/**
 * Funds: income and expense records (the first tab), coupons, stored-value cards, resource packages and what used
 * them; each a table of one operation's answer, with its filters, paging and CSV export.
 */
@Path("/funds")
public class FundsResource {

    @Produces
    static final TablePage RECORDS = TablePage.query("account-changes", "ListCustomerAccountChangeRecords", "records",
            List.of(Column.time("trade_time"), Column.code("revenue_expense_type", "revenue_expense_type"),
                    Column.text("trade_detail_type"), Column.text("trade_id"), Column.money("change_amount"),
                    Column.money("balance_after_change"), Column.text("cloud_service_type_name"),
                    Column.text("resource_type_name"), Column.text("bill_cycle"),
                    Column.code("payment_channel_id", "payment_channel"), Column.text("payment_channel_no")),
            List.of(new Filter("balance_type", Filter.Kind.CHOICE,
                            List.of("BALANCE_TYPE_DEBIT", "BALANCE_TYPE_CREDIT"), "balance_type",
                            zone -> "BALANCE_TYPE_DEBIT"),
                    Filter.choice("revenue_expense_type", "revenue_expense_type", "REVENUE", "EXPENSE"),
                    Filter.choice("trade_type", "trade_type", "RECHARGE", "DEDEUCT", "REFUND", "RFROZEN", "TRANS",
                            "ADJUST", "BEUNBIND", "EXPIRED", "BONUSCONVERT", "TRADE_MODE_TRANSFER", "DEPOSIT"),
                    Filter.date("trade_time_begin", zone -> ""), Filter.date("trade_time_end", zone -> ""),
                    Filter.text("trade_id"), Filter.text("payment_channel_id"), Filter.text("payment_channel_no")));

    @Produces
    static final TablePage COUPONS = TablePage.query("coupons", "ListSubCustomerCoupons", "user_coupons", List.of(
            Column.text("coupon_id"), Column.text("plan_name"), Column.code("coupon_type", "coupon_type"),
            Column.code("status", "coupon_status"), Column.money("face_value"), Column.money("balance"),
            Column.time("valid_time"), Column.time("expire_time"), Column.link("order_id", "/orders/{value}")),
            List.of(Filter.text("coupon_id"), Filter.text("order_id"), Filter.text("promotion_plan_id"),
                    Filter.choice("coupon_type", "coupon_type", "1", "2", "3", "4"),
                    Filter.choice("status", "coupon_status", "1", "2", "3", "4", "5")));

    @Produces
    static final TablePage CARDS = TablePage.query("stored-value-cards", "ListStoredValueCards", "stored_value_cards",
            List.of(Column.text("card_id"), Column.text("card_name"), Column.code("status", "card_status"),
                    Column.money("face_value"), Column.money("balance"), Column.time("effective_time"),
                    Column.time("expire_time")),
            List.of(new Filter("status", Filter.Kind.CHOICE, List.of("1", "2"), "card_status", zone -> "1"),
                    Filter.text("card_id")));

    @Produces
    static final TablePage PACKAGES = new TablePage("free-resources", "ListFreeResourceInfos",
            "free_resource_packages", List.of(
            Column.text("order_instance_id"), Column.text("product_name"), Column.text("service_type_name"),
            Column.code("status", "package_status"), Column.text("free_resources.0.usage_type_name"),
            Column.text("free_resources.0.amount"), Column.text("free_resources.0.original_amount"),
            Column.time("effective_time"), Column.time("expire_time"),
            Column.link("free_resources.0.free_resource_id", "/funds/usage?free_resource_id={value}"),
            Column.link("order_id", "/orders/{value}")),
            List.of(Filter.text("order_id"), Filter.text("product_id"), Filter.text("product_name"),
                    Filter.text("region_code"), Filter.text("service_type_code"),
                    Filter.choice("status", "package_status", "0", "1", "2", "3", "4")),
            FreeResourceQuery.SHAPE);

    /** The API asks for a range of at most 90 days; the page opens on the last 30. */
    @Produces
    static final TablePage USAGE = TablePage.query("free-resource-usage", "ListFreeResourcesUsageRecords",
            "free_resource_records", List.of(
            Column.time("deduct_time"), Column.text("free_resource_id"), Column.text("product_name"),
            Column.text("resource_id"), Column.text("resource_type_name"), Column.text("usage_type_code"),
            Column.text("used_amount"), Column.text("remaining_amount"), Column.text("available_amount")),
            List.of(Filter.date("deduct_time_begin", zone -> LocalDate.now(zone).minusDays(30).toString()),
                    Filter.date("deduct_time_end", zone -> LocalDate.now(zone).toString()),
                    Filter.text("free_resource_id"), Filter.text("product_id"), Filter.text("resource_type_code")));

    private record Area(String path, String label, TablePage table) {
    }

    private static final List<Area> AREAS = List.of(
            new Area("/funds", "funds_records", RECORDS),
            new Area("/funds/coupons", "funds_coupons", COUPONS),
            new Area("/funds/stored-value-cards", "funds_cards", CARDS),
            new Area("/funds/packages", "funds_packages", PACKAGES),
            new Area("/funds/usage", "funds_usage", USAGE));

    @Inject
    TableReader tables;

    @Inject
    CurrentSession current;

    @Location("list.html")
    Template list;

    @GET
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance records(@Context UriInfo uri) {
        return show(AREAS.get(0), uri);
    }

    @GET
    @Path("coupons")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance coupons(@Context UriInfo uri) {
        return show(AREAS.get(1), uri);
    }

    @GET
    @Path("stored-value-cards")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance cards(@Context UriInfo uri) {
        return show(AREAS.get(2), uri);
    }

    @GET
    @Path("packages")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance packages(@Context UriInfo uri) {
        return show(AREAS.get(3), uri);
    }

    @GET
    @Path("usage")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance usage(@Context UriInfo uri) {
        return show(AREAS.get(4), uri);
    }

    /** One tab's table, below the tabs of the operations the session may call (the API still decides). */
    private TemplateInstance show(Area area, UriInfo uri) {
        Session session = current.get();
        List<Tab> tabs = AREAS.stream().filter(other -> Grants.may(session, other.table().operation()))
                .map(other -> new Tab(other.path(), Texts.get(session.language(), other.label()), other == area))
                .toList();
        return list.data("page", Pages.of(session, "/funds", "nav_funds")).data("tabs", tabs)
                .data("view", tables.read(session, area.table(), TableExportResource.single(uri), area.path()));
    }
}
