package io.openbss.console.enterprise;

import io.openbss.console.layout.Grants;
import io.openbss.console.layout.Texts;
import io.openbss.console.session.Session;
import io.openbss.console.tables.Tab;
import java.util.ArrayList;
import java.util.List;

/** The enterprise area's tabs, each shown when the session may call its operation. */
final class EnterpriseTabs {

    private record Entry(String path, String label, String operation) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("/enterprise", "ent_tab_organizations", "ListEnterpriseOrganizations"),
            new Entry("/enterprise/sub-accounts", "ent_tab_sub_accounts", "ListEnterpriseSubCustomers"),
            new Entry("/enterprise/sub-accounts/new", "ent_tab_new_sub_account", "CreateSubEnterpriseAccount"));

    private EnterpriseTabs() {
    }

    /** The area is an enterprise master's: another session gets a page saying so (403), as the API would answer. */
    static boolean closedTo(Session session) {
        return !Grants.may(session, "ListEnterpriseSubCustomers");
    }

    static List<Tab> of(Session session, String active) {
        List<Tab> tabs = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            if (Grants.may(session, entry.operation())) {
                tabs.add(new Tab(entry.path(), Texts.get(session.language(), entry.label()),
                        entry.path().equals(active)));
            }
        }
        return tabs;
    }
}
