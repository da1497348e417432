package io.openbss.e2e;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A valid request for every operation of the table, on real objects of the platform: the hostile suite puts its
 * values into one parameter of it at a time, so that each reaches the code behind the parameters it does not touch.
 * Views read the demo enterprise master (its orders, bills, coupons, resource packages); what changes state is done
 * by a customer made for the suite (its own orders and resources), and the enterprise operations by the master on
 * its independent sub-account, a cent at a time.
 */
final class Baselines {

    /** Whose keys sign an operation's requests. */
    enum Account {
        /** The demo enterprise master. */
        MASTER,
        /** A fresh individual customer of the suite's own. */
        CUSTOMER,
        /** No signature: a Keystone password login of the suite's own user. */
        PASSWORD
    }

    /** The ids the baselines name, found or made before the suite runs. */
    record Fixtures(String masterId, String subId, String masterOrderId, String orgId, String transferCouponId,
            String subCouponId, String freeResourceId, String newSubPhone, String newSubCode,
            String newSubName, String customerId, String payOrderId, String cancelOrderId, String pendingOrderId,
            String resourceId, String renewResourceId, String unsubscribeResourceId, String instantResourceId,
            String refundOrderId, String loginDomain, String loginPassword, String customerToken, LocalDate today) {
    }

    /**
     * One operation's valid request. Values are as the client means them (the suite percent-encodes path and query
     * values); {@code body} makes the JSON body from a token unique to each request, for idempotency keys.
     */
    record Baseline(Account account, Map<String, String> path, Map<String, String> query,
            Map<String, String> headers, UnaryOperator<String> body) {

        Baseline path(String name, String value) {
            Map<String, String> path = new LinkedHashMap<>(this.path);
            path.put(name, value);
            return new Baseline(account, path, query, headers, body);
        }

        Baseline query(String... pairs) {
            Map<String, String> query = new LinkedHashMap<>(this.query);
            for (int i = 0; i < pairs.length; i += 2) {
                query.put(pairs[i], pairs[i + 1]);
            }
            return new Baseline(account, path, query, headers, body);
        }

        Baseline language() {
            return header("X-Language", "en_US");
        }

        Baseline header(String name, String value) {
            Map<String, String> headers = new LinkedHashMap<>(this.headers);
            headers.put(name, value);
            return new Baseline(account, path, query, headers, body);
        }

        Baseline body(UnaryOperator<String> body) {
            return new Baseline(account, path, query, headers, body);
        }

        Baseline body(String json) {
            return body(unique -> json);
        }
    }

    private static Baseline as(Account account) {
        return new Baseline(account, Map.of(), Map.of(), Map.of(), null);
    }

    private Baselines() {
    }

    static Map<String, Baseline> all(Fixtures f) {
        Baseline master = as(Account.MASTER);
        Baseline customer = as(Account.CUSTOMER);
        String lastMonth = YearMonth.from(f.today()).minusMonths(1).toString();
        String thisMonth = YearMonth.from(f.today()).toString();
        String yesterdaysMonth = YearMonth.from(f.today().minusDays(1)).toString();
        Map<String, Baseline> all = new LinkedHashMap<>();

        all.put("KeystoneListAuthDomains", master);
        all.put("KeystoneCreateToken", as(Account.PASSWORD).body("""
                {"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"%1$s","password":"%2$s",\
                "domain":{"name":"%1$s"}}}},"scope":{"domain":{"name":"%1$s"}}}}"""
                .formatted(f.loginDomain(), f.loginPassword())));
        // the customer revokes a token of its own user (its later variants find it revoked: 404)
        all.put("KeystoneRevokeToken", customer.header("X-Subject-Token", f.customerToken()));

        all.put("ListCustomerOrders", master.query("limit", "10", "offset", "0"));
        all.put("ShowCustomerOrderDetails", master.path("order_id", f.masterOrderId()).query("limit", "10")
                .language());
        all.put("PayOrders", customer.body("""
                {"order_id":"%s","use_coupon":"NO","use_discount":"NO"}""".formatted(f.payOrderId())));
        all.put("CancelCustomerOrder", customer.body("""
                {"order_id":"%s"}""".formatted(f.cancelOrderId())));
        all.put("ListOrderCouponsByOrderId", customer.query("order_id", f.pendingOrderId()));
        all.put("ListOrderDiscounts", customer.query("order_id", f.pendingOrderId()));
        all.put("ShowRefundOrderDetails", customer.query("order_id", f.refundOrderId()));
        all.put("ListPayPerUseCustomerResources", master.body("""
                {"only_main_resource":1,"status_list":[2],"offset":0,"limit":10}"""));
        all.put("RenewalResources", customer.body("""
                {"resource_ids":["%s"],"period_type":2,"period_num":1,"is_auto_pay":1}"""
                .formatted(f.renewResourceId())));
        all.put("AutoRenewalResources", customer.path("resource_id", f.resourceId()).body("""
                {"auto_renew_times":3}"""));
        all.put("CancelAutoRenewalResources", customer.path("resource_id", f.resourceId()));
        all.put("SetResourcesRenewConfig", customer.body("""
                {"config_name":"DEDUCTION_DATE","config_value":"5"}"""));
        all.put("UpdatePeriodToOnDemand", customer.body("""
                {"operation":"SET_UP","resource_ids":["%s"]}""".formatted(f.resourceId())));
        all.put("CancelResourcesSubscription", customer.body("""
                {"resource_ids":["%s"],"unsubscribe_type":1,"unsubscribe_reason_type":5,\
                "unsubscribe_reason":"hostile suite"}""".formatted(f.unsubscribeResourceId())));
        all.put("ListRenewRateOnPeriod", customer.body("""
                {"resource_ids":["%s"],"period_type":2,"period_num":1,"include_relative_resources":true}"""
                .formatted(f.resourceId())));

        all.put("ShowCustomerAccountBalances", master);
        all.put("ShowCustomerExpenditureQuota", master);
        all.put("ListCustomerAccountChangeRecords", master.query("balance_type", "BALANCE_TYPE_DEBIT",
                "limit", "10"));
        all.put("ShowCustomerMonthlySum", master.query("bill_cycle", lastMonth, "limit", "10"));
        all.put("ListCustomerBillsFeeRecords", master.query("bill_cycle", lastMonth, "limit", "10").language());
        all.put("ListCustomerselfResourceRecords", master.query("cycle", lastMonth, "method", "oneself",
                "limit", "10").language());
        all.put("ListCustomerselfResourceRecordDetails", master.language().body("""
                {"cycle":"%s","method":"oneself","offset":0,"limit":10}""".formatted(lastMonth)));
        all.put("ListCustomerBillsMonthlyBreakDown", master.query("shared_month", thisMonth, "limit", "10")
                .language());
        all.put("ListCosts", master.language().body("""
                {"time_condition":{"time_measure_id":2,"begin_time":"%1$s","end_time":"%1$s"},\
                "groupby":[{"type":"dimension","key":"CLOUD_SERVICE_TYPE"}],"cost_type":"ORIGINAL_COST",\
                "offset":0,"limit":10,\
                "filters":[{"operator":0,"filter_factor":{"key":"CLOUD_SERVICE_TYPE",\
                "value":["hws.service.type.ec2"]}}]}""".formatted(lastMonth)));
        all.put("ListFreeResourceInfos", master.language().body("""
                {"offset":0,"limit":10}"""));
        all.put("ListFreeResourceUsages", master.language().body("""
                {"free_resource_ids":["%s"]}""".formatted(f.freeResourceId())));
        all.put("ListFreeResourcesUsageRecords", master.query("free_resource_id", f.freeResourceId(),
                "deduct_time_begin", f.today().minusDays(7).toString(), "deduct_time_end", f.today().toString(),
                "limit", "10"));
        all.put("ListResourceUsage", master.query("bill_cycle", yesterdaysMonth,
                "service_type_code", "hws.service.type.vpc", "resource_type_code", "hws.resource.type.bandwidth",
                "usage_type", "bandwidth95", "resource_id", "demo-bw-95").language());
        all.put("ListResourceUsageSummary", master.query("bill_cycle", yesterdaysMonth,
                "service_type_code", "hws.service.type.vpc", "resource_type_code", "hws.resource.type.bandwidth",
                "usage_type", "bandwidth95").language());
        all.put("ListStoredValueCards", master.query("status", "1"));
        all.put("ListSubCustomerCoupons", master.query("limit", "10"));
        all.put("ListOnDemandResourceRatings", master.body("""
                {"project_id":"demo","inquiry_precision":0,"product_infos":[{"id":"1",\
                "cloud_service_type":"hws.service.type.ec2","resource_type":"hws.resource.type.vm",\
                "resource_spec":"s6.large.2.linux","region":"cn-north-4","usage_factor":"Duration",\
                "usage_value":1,"usage_measure_id":4,"subscription_num":1}]}"""));
        all.put("ListRateOnPeriodDetail", master.body("""
                {"project_id":"demo","product_infos":[{"id":"1","cloud_service_type":"hws.service.type.ec2",\
                "resource_type":"hws.resource.type.vm","resource_spec":"s6.large.2.linux","region":"cn-north-4",\
                "period_type":2,"period_num":1,"subscription_num":1}]}"""));
        all.put("ListServiceTypes", master.query("limit", "10", "offset", "0").language());
        all.put("ListResourceTypes", master.query("limit", "10", "offset", "0").language());
        all.put("ListServiceResources", master.query("service_type_code", "hws.service.type.ec2", "limit", "10")
                .language());
        all.put("ListUsageTypes", master.query("resource_type_code", "hws.resource.type.obs", "limit", "10")
                .language());
        all.put("ListMeasureUnits", master.language());
        all.put("ListConversions", master.query("measure_type", "2").language());

        all.put("ListEnterpriseOrganizations", master.query("recursive_query", "1"));
        all.put("ListEnterpriseSubCustomers", master.query("limit", "10", "offset", "0"));
        all.put("CreateSubEnterpriseAccount", master.body("""
                {"party_id":"%s","display_name":"Hostile suite","sub_customer_association_type":1,\
                "permission_ids":["READ_CONSUME_BILL"],"financial_custody":0,"new_sub_customer":{\
                "customer_name":"%s","mobile_phone":"%s","use_pri_mobile_phone":"N","password":"Sub-Acc0unt!",\
                "verification_code":"%s"}}""".formatted(f.orgId(), f.newSubName(), f.newSubPhone(), f.newSubCode())));
        // a phone of its own for each request: a phone is sent one code a minute
        all.put("SendSmsVerificationCode", master.body(unique -> """
                {"mobile_phone":"+86-136%08d","timeout":5}"""
                .formatted(Math.floorMod(unique.hashCode(), 100_000_000))));
        all.put("ShowMultiAccountTransferAmount", master.query("balance_type", "BALANCE_TYPE_DEBIT"));
        all.put("UpdateSubEnterpriseAmount", master.body(unique -> """
                {"customer_id":"%s","amount":"0.01","trans_id":"%s","balance_type":"BALANCE_TYPE_DEBIT"}"""
                .formatted(f.subId(), unique)));
        all.put("ListEnterpriseMultiAccount", master.query("sub_customer_id", f.subId(),
                "balance_type", "BALANCE_TYPE_DEBIT"));
        all.put("ReclaimSubEnterpriseAmount", master.body(unique -> """
                {"customer_id":"%s","amount":"0.01","trans_id":"%s","balance_type":"BALANCE_TYPE_DEBIT"}"""
                .formatted(f.subId(), unique)));
        all.put("ListMultiAccountTransferCoupons", master.query("limit", "10"));
        all.put("ClaimEnterpriseMultiAccountCoupon", master.body(unique -> """
                {"customer_id":"%s","coupon_id":"%s","amount":"0.01","trans_id":"%s"}"""
                .formatted(f.subId(), f.transferCouponId(), unique)));
        all.put("ListMultiAccountRetrieveCoupons", master.query("sub_customer_id", f.subId()));
        all.put("ReclaimEnterpriseMultiAccountCoupon", master.body(unique -> """
                {"customer_id":"%s","coupon_id":"%s","sub_coupon_id":"%s","trans_id":"%s"}"""
                .formatted(f.subId(), f.transferCouponId(), f.subCouponId(), unique)));
        all.put("CreateEnterpriseProjectAuth", customer);

        all.put("ListCustomerCouponChangeRecords", master.query("balance_type", "BALANCE_TYPE_COUPON",
                "limit", "10"));
        all.put("UpdatePeriodToOnDemandInstantly", customer.body("""
                {"resource_ids":["%s"]}""".formatted(f.instantResourceId())));
        all.put("ListServiceTypesLegacy", master.language());
        all.put("ListResourceRecordsLegacy", master.path("domain_id", f.masterId()).query("cycle", lastMonth,
                "payMethod", "1", "offset", "1", "limit", "10"));
        return all;
    }
}
