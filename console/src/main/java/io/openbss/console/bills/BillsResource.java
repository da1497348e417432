package io.openbss.console.bills;

import io.openbss.console.api.ApiAnswer;
import io.openbss.console.api.PublicApi;
import io.openbss.console.layout.Formats;
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
import io.openbss.console.tables.TableView;
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
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Bills: the month's summary per service with its totals, the fee records (one per bill line), the records per
 * resource, and the amortised costs of a month; each a table of one operation's answer, exportable as CSV.
 */
@Path("/bills")
public class BillsResource {

    /** Bill cycles are months of UTC+8, as the API's, whatever the reader's zone. */
    static final Function<ZoneId, String> THIS_MONTH = zone -> YearMonth.now(ZoneOffset.ofHours(8)).toString();

    private static final String[] CHARGING_MODES = {"1", "3", "10", "11"};
    private static final String[] BILL_TYPES = {"1", "2", "3", "4", "5", "8", "9", "14", "16", "18", "20", "23",
        "24", "25", "103"};
    private static final String[] YES_NO = {"true", "false"};

    /** The month's totals the summary shows above its table, as the answer names them. */
    private static final List<String> TOTALS = List.of("consume_amount", "cash_amount", "credit_amount",
            "coupon_amount", "flexipurchase_coupon_amount", "stored_value_card_amount", "debt_amount",
            "writeoff_amount");

    @Produces
    static final TablePage MONTHLY_SUM = TablePage.query("monthly-sum", "ShowCustomerMonthlySum", "bill_sums",
            List.of(Column.text("bill_cycle"), Column.text("service_type_name"), Column.text("resource_type_name"),
                    Column.code("charging_mode", "charging_mode"), Column.code("bill_type", "bill_type"),
                    Column.money("official_amount"), Column.money("official_discount_amount"),
                    Column.money("consume_amount"), Column.money("cash_amount"), Column.money("credit_amount"),
                    Column.money("coupon_amount"), Column.money("stored_value_card_amount"),
                    Column.money("debt_amount")),
            List.of(Filter.month("bill_cycle", THIS_MONTH), Filter.text("service_type_code"),
                    Filter.text("enterprise_project_id")));

    @Produces
    static final TablePage FEE_RECORDS = TablePage.query("fee-records", "ListCustomerBillsFeeRecords", "records",
            List.of(Column.time("trade_time"), Column.text("trade_id"), Column.text("service_type_name"),
                    Column.text("resource_type_name"), Column.text("region_name"),
                    Column.code("charging_mode", "charging_mode"), Column.code("bill_type", "bill_type"),
                    Column.code("status", "fee_status"), Column.money("official_amount"),
                    Column.money("official_discount_amount"), Column.money("erase_amount"),
                    Column.money("consume_amount"), Column.money("cash_amount"), Column.money("credit_amount"),
                    Column.money("coupon_amount"), Column.money("flexipurchase_coupon_amount"),
                    Column.money("stored_value_card_amount"), Column.money("bonus_amount"),
                    Column.money("debt_amount"), Column.money("writeoff_amount")),
            List.of(Filter.month("bill_cycle", THIS_MONTH), Filter.text("service_type_code"),
                    Filter.text("resource_type_code"), Filter.text("region_code"),
                    Filter.choice("charging_mode", "charging_mode", CHARGING_MODES),
                    Filter.choice("bill_type", "bill_type", BILL_TYPES), Filter.text("trade_id"),
                    Filter.choice("status", "fee_status", "1", "2", "3"),
                    Filter.choice("include_zero_record", "yes_no", YES_NO),
                    Filter.date("bill_date_begin", zone -> ""), Filter.date("bill_date_end", zone -> ""),
                    Filter.text("enterprise_project_id")));

    @Produces
    static final TablePage RESOURCE_RECORDS = TablePage.query("resource-records", "ListCustomerselfResourceRecords",
            "fee_records", List.of(Column.text("bill_date"), Column.text("resource_id"),
                    Column.text("resource_name"), Column.text("cloud_service_type_name"),
                    Column.text("resource_type_name"), Column.text("region_name"),
                    Column.text("product_spec_desc"), Column.code("charge_mode", "charging_mode"),
                    Column.code("bill_type", "bill_type"), Column.text("trade_id"),
                    Column.money("official_amount"), Column.money("discount_amount"), Column.money("amount"),
                    Column.money("cash_amount"), Column.money("credit_amount"), Column.money("coupon_amount"),
                    Column.money("stored_card_amount"), Column.money("debt_amount")),
            List.of(Filter.month("cycle", THIS_MONTH), Filter.text("cloud_service_type"), Filter.text("region"),
                    Filter.choice("charge_mode", "charging_mode", CHARGING_MODES),
                    Filter.choice("bill_type", "bill_type", BILL_TYPES), Filter.text("resource_id"),
                    Filter.text("trade_id"), Filter.choice("statistic_type", "statistic_type", "1", "3"),
                    Filter.choice("include_zero_record", "yes_no", YES_NO),
                    Filter.date("bill_date_begin", zone -> ""), Filter.date("bill_date_end", zone -> "")));

    @Produces
    static final TablePage AMORTISED = TablePage.query("amortised-costs", "ListCustomerBillsMonthlyBreakDown",
            "details", List.of(Column.text("bill_cycle"), Column.text("resource_id"), Column.text("resource_name"),
                    Column.text("service_type_name"), Column.text("resource_type_name"), Column.text("region_name"),
                    Column.code("charging_mode", "charging_mode"), Column.code("bill_type", "bill_type"),
                    Column.time("effective_time"), Column.time("expire_time"), Column.money("consume_amount"),
                    Column.money("past_months_amortized_amount"), Column.money("current_month_amortized_amount"),
                    Column.money("future_months_amortized_amount"), Column.money("amortized_cash_amount"),
                    Column.money("amortized_credit_amount"), Column.money("amortized_coupon_amount"),
                    Column.money("amortized_stored_value_card_amount")),
            List.of(Filter.month("shared_month", THIS_MONTH), Filter.text("service_type_code"),
                    Filter.text("resource_type_code"), Filter.text("region_code"),
                    Filter.choice("charging_mode", "charging_mode", CHARGING_MODES),
                    Filter.choice("bill_type", "bill_type", BILL_TYPES), Filter.text("resource_id"),
                    Filter.text("resource_name")));

    private static final List<Map.Entry<String, TablePage>> TABS = List.of(Map.entry("/bills", MONTHLY_SUM),
            Map.entry("/bills/fee-records", FEE_RECORDS), Map.entry("/bills/resource-records", RESOURCE_RECORDS),
            Map.entry("/bills/amortised-costs", AMORTISED));

    @Inject
    PublicApi api;

    @Inject
    TableReader tables;

    @Inject
    CurrentSession current;

    @Location("list.html")
    Template list;

    @Location("bills.html")
    Template summary;

    @GET
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance monthlySum(@Context UriInfo uri) {
        Session session = current.get();
        Map<String, String> given = TableExportResource.single(uri);
        TableView view = tables.read(session, MONTHLY_SUM, given, "/bills");
        List<Map<String, String>> totals = new ArrayList<>();
        String error = null;
        if (view.error() == null) {
            // the totals are the answer's own, for the same filters as the table
            Map<String, String> query = new HashMap<>();
            view.filters().forEach(filter -> query.put(filter.name(), filter.value()));
            query.put("limit", "1");
            ApiAnswer sum = api.call(session, "ShowCustomerMonthlySum", query);
            if (sum.ok()) {
                Formats formats = new Formats(session);
                String currency = sum.get("currency").asText("CNY");
                TOTALS.forEach(field -> totals.add(Map.of("id", "total-" + field.replace('_', '-'),
                        "label", Texts.get(session.language(), "col_" + field),
                        "value", formats.money(sum.get(field), currency))));
            } else {
                error = sum.error();
            }
        }
        var page = Pages.of(session, "/bills", "nav_bills");
        return summary.data("page", error == null ? page : page.withError(error)).data("tabs", tabs(session, "/bills"))
                .data("totals", totals).data("view", view);
    }

    @GET
    @Path("fee-records")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance feeRecords(@Context UriInfo uri) {
        return table(uri, "/bills/fee-records", FEE_RECORDS);
    }

    @GET
    @Path("resource-records")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance resourceRecords(@Context UriInfo uri) {
        return table(uri, "/bills/resource-records", RESOURCE_RECORDS);
    }

    @GET
    @Path("amortised-costs")
    @jakarta.ws.rs.Produces(MediaType.TEXT_HTML)
    public TemplateInstance amortisedCosts(@Context UriInfo uri) {
        return table(uri, "/bills/amortised-costs", AMORTISED);
    }

    private TemplateInstance table(UriInfo uri, String path, TablePage table) {
        Session session = current.get();
        return list.data("page", Pages.of(session, "/bills", "nav_bills")).data("tabs", tabs(session, path))
                .data("view", tables.read(session, table, TableExportResource.single(uri), path));
    }

    /** The tabs whose operation the session may call. */
    private static List<Tab> tabs(Session session, String active) {
        List<Tab> tabs = new ArrayList<>();
        for (Map.Entry<String, TablePage> tab : TABS) {
            if (Grants.may(session, tab.getValue().operation())) {
                tabs.add(new Tab(tab.getKey(), Texts.get(session.language(), "bills_tab_" + tab.getValue().id()
                        .replace('-', '_')), tab.getKey().equals(active)));
            }
        }
        return tabs;
    }
}
