package io.openbss.billing.bills;

import io.openbss.common.request.Language;
import java.math.BigDecimal;

/** SQL shared by the bill views over {@code bill_line b}. */
final class BillSql {

    /** What paid a line, to the cent (its consume amount). */
    static final String PAID = "(b.cash_amount + b.credit_amount + b.coupon_amount + b.stored_card_amount + b.debt_amount)";
    /** Bill type of the monthly sum: 1 consumption, 2 refund, 3 adjustment. */
    static final String CATEGORY = "CASE WHEN b.bill_type IN (4, 20, 24) THEN 2 WHEN b.bill_type IN (9, 16) THEN 3 ELSE 1 END";
    /** Payment status: 1 paid, 2 arrears not yet repaid. */
    static final String STATUS = "CASE WHEN b.debt_outstanding > 0 THEN 2 ELSE 1 END";
    static final String NAMES = namesOf("b");

    private BillSql() {
    }

    /**
     * The joins that name the service type, resource type and region of the rows of {@code alias}: after a page has
     * been cut where the query allows it, so that only its rows are joined.
     */
    static String namesOf(String alias) {
        return " LEFT JOIN service_type st ON st.service_type_code = " + alias + ".service_type_code"
                + " LEFT JOIN resource_type rt ON rt.resource_type_code = " + alias + ".resource_type_code"
                + " LEFT JOIN region rg ON rg.region_code = " + alias + ".region_code";
    }

    /** The column names of names in a language: {@code st.name_zh AS service_type_name, ...}. */
    static String names(Language language) {
        String suffix = language == Language.EN_US ? "en" : "zh";
        return "st.name_" + suffix + " AS service_type_name, rt.name_" + suffix + " AS resource_type_name, rg.name_"
                + suffix + " AS region_name";
    }


    static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
