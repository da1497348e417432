package io.openbss.console.layout;

import io.openbss.console.session.Session;
import java.util.ArrayList;
import java.util.List;

/** Builds a page's frame: the menu of what the session may use, the active entry, the title in its language. */
public final class Pages {

    private record Entry(String path, String label, String operation) {
    }

    private static final List<Entry> CUSTOMER = List.of(
            new Entry("/", "nav_overview", "ShowCustomerAccountBalances"),
            new Entry("/orders", "nav_orders", "ListCustomerOrders"),
            new Entry("/resources", "nav_resources", "ListPayPerUseCustomerResources"),
            new Entry("/bills", "nav_bills", "ShowCustomerMonthlySum"),
            new Entry("/costs", "nav_costs", "ListCosts"),
            new Entry("/funds", "nav_funds", "ListCustomerAccountChangeRecords"),
            new Entry("/enterprise", "nav_enterprise", "ListEnterpriseSubCustomers"));

    private static final List<Entry> OPERATOR = List.of(
            new Entry("/operator/accounts", "nav_accounts", null),
            new Entry("/operator/benefits", "nav_benefits", null),
            new Entry("/operator/audit", "nav_audit", null),
            new Entry("/operator/upstream-links", "nav_upstream", null),
            new Entry("/operator/clock", "nav_clock", null));

    private Pages() {
    }

    public static Page of(Session session, String activePath, String titleKey) {
        List<NavItem> nav = new ArrayList<>();
        for (Entry entry : session.operator() ? OPERATOR : CUSTOMER) {
            if (entry.operation() == null || Grants.may(session, entry.operation())) {
                nav.add(new NavItem(entry.path(), Texts.get(session.language(), entry.label()),
                        entry.path().equals(activePath)));
            }
        }
        return new Page(session, Texts.of(session.language()), nav, Texts.get(session.language(), titleKey), null,
                null);
    }
}
