package io.openbss.e2e;

import static io.openbss.e2e.TestPlatform.assertBadParameter;
import static io.openbss.e2e.TestPlatform.assertRefused;
import static io.openbss.e2e.TestPlatform.client;
import static io.openbss.e2e.TestPlatform.domainId;
import static org.assertj.core.api.Assertions.assertThat;

import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.AvailRetrieveCoupons;
import com.huaweicloud.sdk.bss.v2.model.AvailTransferCoupon;
import com.huaweicloud.sdk.bss.v2.model.ClaimEnterpriseMultiAccountCouponRequest;
import com.huaweicloud.sdk.bss.v2.model.CreateEnterpriseProjectAuthRequest;
import com.huaweicloud.sdk.bss.v2.model.CreateSubCustomerReqV2;
import com.huaweicloud.sdk.bss.v2.model.CreateSubEnterpriseAccountRequest;
import com.huaweicloud.sdk.bss.v2.model.ListCustomerAccountChangeRecordsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListEnterpriseMultiAccountRequest;
import com.huaweicloud.sdk.bss.v2.model.ListEnterpriseOrganizationsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListEnterpriseOrganizationsResponse;
import com.huaweicloud.sdk.bss.v2.model.ListEnterpriseSubCustomersRequest;
import com.huaweicloud.sdk.bss.v2.model.ListMultiAccountRetrieveCouponsRequest;
import com.huaweicloud.sdk.bss.v2.model.ListMultiAccountTransferCouponsRequest;
import com.huaweicloud.sdk.bss.v2.model.NewCustomerV2;
import com.huaweicloud.sdk.bss.v2.model.ReclaimEnterpriseMultiAccountCouponRequest;
import com.huaweicloud.sdk.bss.v2.model.ReclaimSubEnterpriseAmountRequest;
import com.huaweicloud.sdk.bss.v2.model.RetrieveEnterpriseMultiAccountCouponReq;
import com.huaweicloud.sdk.bss.v2.model.RetrieveEnterpriseMultiAccountReq;
import com.huaweicloud.sdk.bss.v2.model.SendSmVerificationCodeReq;
import com.huaweicloud.sdk.bss.v2.model.SendSmsVerificationCodeRequest;
import com.huaweicloud.sdk.bss.v2.model.ShowMultiAccountTransferAmountRequest;
import com.huaweicloud.sdk.bss.v2.model.SubCustomerInfoV2;
import com.huaweicloud.sdk.bss.v2.model.TransferEnterpriseMultiAccountCouponReq;
import com.huaweicloud.sdk.bss.v2.model.TransferEnterpriseMultiAccountReq;
import com.huaweicloud.sdk.bss.v2.model.UpdateSubEnterpriseAmountRequest;
import com.huaweicloud.sdk.core.exception.ClientRequestException;
import com.huaweicloud.sdk.core.exception.ServiceResponseException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every enterprise-service operation through the gateway with the official SDK, on the demo enterprise (a master,
 * a sub-account in financial custody and a financially independent one), against the real billing-service.
 */
@ExtendWith(TestPlatform.class)
class EnterpriseIT {

    static final String CASH = "BALANCE_TYPE_DEBIT";

    final BssClient master = client("BSS_");
    final String independent = domainId("BSS_SUB2_");
    final String custody = domainId("BSS_SUB1_");

    @Test
    void theOrganizationTreeAndItsSubAccounts() {
        ListEnterpriseOrganizationsResponse tree = master.listEnterpriseOrganizations(
                new ListEnterpriseOrganizationsRequest().withRecursiveQuery(1));
        assertThat(tree.getRootName()).isEqualTo("Demo Enterprise");
        assertThat(tree.getChildNodes()).extracting("name").containsExactly("R&D");
        String rnd = tree.getChildNodes().get(0).getId();
        List<SubCustomerInfoV2> inRnd = master.listEnterpriseSubCustomers(
                new ListEnterpriseSubCustomersRequest().withOrgId(rnd)).getSubCustomerInfos();
        assertThat(inRnd).extracting(SubCustomerInfoV2::getId).contains(custody).doesNotContain(independent);
        assertThat(master.listEnterpriseOrganizations(new ListEnterpriseOrganizationsRequest().withParentId(rnd))
                .getRootId()).isNull();
        assertBadParameter(() -> master.listEnterpriseOrganizations(
                new ListEnterpriseOrganizationsRequest().withRecursiveQuery(2)), "recursive_query");
        assertBadParameter(() -> master.listEnterpriseOrganizations(
                new ListEnterpriseOrganizationsRequest().withParentId("org-1")), "parent_id");
        assertRefused(() -> client("BSS_INDIVIDUAL_").listEnterpriseOrganizations(
                new ListEnterpriseOrganizationsRequest()), 403, "CBC.0151");
    }

    @Test
    void allocateAndReclaimFundsOncePerTransId() {
        BigDecimal masterBefore = masterCash();
        BigDecimal subBefore = subCash(independent);
        String transId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            master.updateSubEnterpriseAmount(new UpdateSubEnterpriseAmountRequest().withBody(
                    new TransferEnterpriseMultiAccountReq().withCustomerId(independent).withAmount("12.34")
                            .withTransId(transId).withBalanceType(CASH)));
        }
        assertThat(masterCash()).isEqualByComparingTo(masterBefore.subtract(new BigDecimal("12.34")));
        assertThat(subCash(independent)).isEqualByComparingTo(subBefore.add(new BigDecimal("12.34")));

        String reclaimId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            master.reclaimSubEnterpriseAmount(new ReclaimSubEnterpriseAmountRequest().withBody(
                    new RetrieveEnterpriseMultiAccountReq().withCustomerId(independent).withAmount("2.34")
                            .withTransId(reclaimId).withBalanceType(CASH)));
        }
        assertThat(subCash(independent)).isEqualByComparingTo(subBefore.add(BigDecimal.TEN));
        assertThat(masterCash()).isEqualByComparingTo(masterBefore.subtract(BigDecimal.TEN));
        BssClient sub = client("BSS_SUB2_");
        assertThat(changes(master, "BEADJUST", transId)).containsExactly("EXPENSE 12.34");
        assertThat(changes(sub, "BEADJUST", transId)).containsExactly("REVENUE 12.34");
        assertThat(changes(master, "BERETRIEVE", reclaimId)).containsExactly("REVENUE 2.34");
        assertThat(changes(sub, "BERETRIEVE", reclaimId)).containsExactly("EXPENSE 2.34");

        assertBadParameter(() -> master.updateSubEnterpriseAmount(new UpdateSubEnterpriseAmountRequest().withBody(
                new TransferEnterpriseMultiAccountReq().withCustomerId(independent).withAmount("13.00")
                        .withTransId(transId))), "trans_id");
        assertRefused(() -> master.reclaimSubEnterpriseAmount(new ReclaimSubEnterpriseAmountRequest().withBody(
                new RetrieveEnterpriseMultiAccountReq().withCustomerId(independent).withAmount("99999999.00"))),
                400, "CBC.99005003");
        assertRefused(() -> master.updateSubEnterpriseAmount(new UpdateSubEnterpriseAmountRequest().withBody(
                new TransferEnterpriseMultiAccountReq().withCustomerId(custody).withAmount("1.00"))),
                400, "CBC.99000043");
        assertRefused(() -> master.updateSubEnterpriseAmount(new UpdateSubEnterpriseAmountRequest().withBody(
                new TransferEnterpriseMultiAccountReq().withCustomerId(domainId("BSS_INDIVIDUAL_"))
                        .withAmount("1.00"))), 400, "CBC.7004");
        for (String amount : List.of("0", "1.001", "-5", "ten")) {
            assertBadParameter(() -> master.updateSubEnterpriseAmount(new UpdateSubEnterpriseAmountRequest()
                    .withBody(new TransferEnterpriseMultiAccountReq().withCustomerId(independent).withAmount(amount))),
                    "amount");
        }
        assertBadParameter(() -> master.showMultiAccountTransferAmount(
                new ShowMultiAccountTransferAmountRequest().withBalanceType("BALANCE_TYPE_X")), "balance_type");
        assertBadParameter(() -> master.listEnterpriseMultiAccount(new ListEnterpriseMultiAccountRequest()
                .withSubCustomerId(independent).withBalanceType(CASH).withLimit(0)), "limit");
        assertRefused(() -> client("BSS_SUB2_").updateSubEnterpriseAmount(new UpdateSubEnterpriseAmountRequest()
                .withBody(new TransferEnterpriseMultiAccountReq().withCustomerId(custody).withAmount("1.00"))),
                403, "CBC.0151");
        assertRefused(() -> master.listEnterpriseMultiAccount(new ListEnterpriseMultiAccountRequest()
                .withSubCustomerId(domainId("BSS_INDIVIDUAL_")).withBalanceType(CASH)), 400, "CBC.7004");
    }

    /** The caller's cash change records of this trade type and trade id, as "direction amount". */
    private static List<String> changes(BssClient client, String tradeType, String tradeId) {
        return client.listCustomerAccountChangeRecords(new ListCustomerAccountChangeRecordsRequest()
                        .withBalanceType(CASH).withTradeType(tradeType).withTradeId(tradeId)).getRecords().stream()
                .map(r -> r.getRevenueExpenseType() + " " + r.getChangeAmount()).toList();
    }

    @Test
    void giveAndTakeBackACoupon() {
        List<AvailTransferCoupon> coupons = master.listMultiAccountTransferCoupons(
                new ListMultiAccountTransferCouponsRequest()).getAvailTransferCoupons();
        assertThat(coupons).isNotEmpty();
        AvailTransferCoupon coupon = coupons.get(0);
        BigDecimal before = new BigDecimal(coupon.getBalance());
        String transId = UUID.randomUUID().toString();
        String subCoupon = master.claimEnterpriseMultiAccountCoupon(new ClaimEnterpriseMultiAccountCouponRequest()
                .withBody(new TransferEnterpriseMultiAccountCouponReq().withCustomerId(independent)
                        .withCouponId(coupon.getCouponId()).withAmount("5.00").withTransId(transId)))
                .getSubCouponId();
        assertThat(master.claimEnterpriseMultiAccountCoupon(new ClaimEnterpriseMultiAccountCouponRequest()
                .withBody(new TransferEnterpriseMultiAccountCouponReq().withCustomerId(independent)
                        .withCouponId(coupon.getCouponId()).withAmount("5.00").withTransId(transId)))
                .getSubCouponId()).isEqualTo(subCoupon);
        assertThat(balanceOf(coupon.getCouponId())).isEqualByComparingTo(before.subtract(new BigDecimal("5.00")));

        List<AvailRetrieveCoupons> held = master.listMultiAccountRetrieveCoupons(
                new ListMultiAccountRetrieveCouponsRequest().withSubCustomerId(independent))
                .getAvailRetrieveCoupons();
        assertThat(held).extracting(AvailRetrieveCoupons::getSubCouponId).contains(subCoupon);
        String reclaimId = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            assertThat(master.reclaimEnterpriseMultiAccountCoupon(new ReclaimEnterpriseMultiAccountCouponRequest()
                    .withBody(new RetrieveEnterpriseMultiAccountCouponReq().withCustomerId(independent)
                            .withCouponId(coupon.getCouponId()).withSubCouponId(subCoupon).withTransId(reclaimId)))
                    .getRealRetrieveAmout()).isEqualTo("5.00");
        }
        assertThat(balanceOf(coupon.getCouponId())).isEqualByComparingTo(before);

        assertRefused(() -> master.claimEnterpriseMultiAccountCoupon(new ClaimEnterpriseMultiAccountCouponRequest()
                .withBody(new TransferEnterpriseMultiAccountCouponReq().withCustomerId(independent)
                        .withCouponId(coupon.getCouponId()).withAmount("999999.00"))), 400, "CBC.99005003");
        assertRefused(() -> master.claimEnterpriseMultiAccountCoupon(new ClaimEnterpriseMultiAccountCouponRequest()
                .withBody(new TransferEnterpriseMultiAccountCouponReq().withCustomerId(independent)
                        .withCouponId("CP-not-mine").withAmount("1.00"))), 400, "CBC.0101");
        assertBadParameter(() -> master.claimEnterpriseMultiAccountCoupon(new ClaimEnterpriseMultiAccountCouponRequest()
                .withBody(new TransferEnterpriseMultiAccountCouponReq().withCustomerId(independent)
                        .withAmount("1.00"))), "coupon_id");
        assertBadParameter(() -> master.reclaimEnterpriseMultiAccountCoupon(
                new ReclaimEnterpriseMultiAccountCouponRequest().withBody(new RetrieveEnterpriseMultiAccountCouponReq()
                        .withCustomerId(independent).withCouponId(coupon.getCouponId()))), "sub_coupon_id");
        assertBadParameter(() -> master.listMultiAccountRetrieveCoupons(new ListMultiAccountRetrieveCouponsRequest()
                .withSubCustomerId(independent).withLimit(101)), "limit");
    }

    @Test
    void createASubAccountWithAVerifiedPhone() throws IOException {
        String rnd = master.listEnterpriseOrganizations(new ListEnterpriseOrganizationsRequest()).getChildNodes()
                .get(0).getId();
        String phone = "+86-139" + String.format("%08d", new Random().nextInt(100_000_000));
        String name = "sub" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        master.sendSmsVerificationCode(new SendSmsVerificationCodeRequest().withBody(new SendSmVerificationCodeReq()
                .withMobilePhone(phone).withTimeout(5)));
        assertRefused(() -> master.sendSmsVerificationCode(new SendSmsVerificationCodeRequest().withBody(
                new SendSmVerificationCodeReq().withMobilePhone(phone))), 429, "CBC.0250");
        assertBadParameter(() -> master.sendSmsVerificationCode(new SendSmsVerificationCodeRequest().withBody(
                new SendSmVerificationCodeReq().withMobilePhone(phone).withTimeout(101))), "timeout");
        String code = lastCode(phone);

        assertRefused(() -> master.createSubEnterpriseAccount(new CreateSubEnterpriseAccountRequest().withBody(
                newSub(rnd, name, phone, wrong(code)))), 400, "CBC.0101");
        assertRefused(() -> master.createSubEnterpriseAccount(new CreateSubEnterpriseAccountRequest().withBody(
                newSub(rnd, name, phone, code).withNewSubCustomer(newSub(rnd, name, phone, code).getNewSubCustomer()
                        .withPassword("short")))), 400, "CBC.99000036");
        master.createSubEnterpriseAccount(new CreateSubEnterpriseAccountRequest().withBody(
                newSub(rnd, name, phone, code)));
        List<SubCustomerInfoV2> found = master.listEnterpriseSubCustomers(new ListEnterpriseSubCustomersRequest()
                .withSubCustomerAccountName(name)).getSubCustomerInfos();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getOrgId()).isEqualTo(rnd);
        assertThat(found.get(0).getDisplayName()).isEqualTo("Created by the SDK");
        // the new sub-account is registered with billing: the master can allocate to it
        master.updateSubEnterpriseAmount(new UpdateSubEnterpriseAmountRequest().withBody(
                new TransferEnterpriseMultiAccountReq().withCustomerId(found.get(0).getId()).withAmount("1.00")));
        assertThat(subCash(found.get(0).getId())).isEqualByComparingTo("1.00");

        assertRefused(() -> master.createSubEnterpriseAccount(new CreateSubEnterpriseAccountRequest().withBody(
                newSub(rnd, name, phone, code))), 400, "CBC.0101");
        assertRefused(() -> master.createSubEnterpriseAccount(new CreateSubEnterpriseAccountRequest().withBody(
                newSub(rnd, "1" + name, null, null).withNewSubCustomer(new NewCustomerV2().withCustomerName("1" + name)
                        .withUsePriMobilePhone("Y").withPassword("Sub-Acc0unt!")))), 400, "CBC.99000031");
        assertBadParameter(() -> master.createSubEnterpriseAccount(new CreateSubEnterpriseAccountRequest().withBody(
                new CreateSubCustomerReqV2().withPartyId(rnd))), "new_sub_customer");
        assertBadParameter(() -> master.createSubEnterpriseAccount(new CreateSubEnterpriseAccountRequest().withBody(
                newSub("abc", name, phone, code))), "party_id");
    }

    @Test
    void enterpriseProjectsCanBeTurnedOnByAnyCustomerOnce() throws Exception {
        TestPlatform.Customer customer = TestPlatform.newIndividual("1.00");
        assertThat(enterpriseProjectsOn(customer.id())).isZero();
        customer.client().createEnterpriseProjectAuth(new CreateEnterpriseProjectAuthRequest());
        assertThat(enterpriseProjectsOn(customer.id())).isEqualTo(1);
        customer.client().createEnterpriseProjectAuth(new CreateEnterpriseProjectAuthRequest());
        assertThat(enterpriseProjectsOn(customer.id())).as("turned on again: still once").isEqualTo(1);
        master.createEnterpriseProjectAuth(new CreateEnterpriseProjectAuthRequest());
        assertThat(enterpriseProjectsOn(domainId("BSS_"))).isEqualTo(1);
    }

    /** How many times the customer's enterprise projects are recorded as turned on. */
    private static long enterpriseProjectsOn(String customerId) throws java.sql.SQLException {
        try (java.sql.Connection db = TestPlatform.database(); java.sql.PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM enterprise.enterprise_project_authority WHERE customer_id = ?")) {
            query.setString(1, customerId);
            try (java.sql.ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Many clients allocate to and reclaim from the independent sub-account at once, half of them repeating
     * another's trans_id. Afterwards each trans_id moved money at most once, and the two balances are what the
     * successful trans_ids say, summing to what they summed to before.
     */
    @Test
    void concurrentTransfersWithDuplicatedTransIdsMoveMoneyExactlyOnce() throws Exception {
        BigDecimal masterBefore = masterCash();
        BigDecimal subBefore = subCash(independent);
        Random random = new Random(42);
        List<Map.Entry<String, BigDecimal>> transfers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(900), 2);
            transfers.add(Map.entry(UUID.randomUUID().toString(), random.nextInt(3) == 0 ? amount.negate() : amount));
        }
        List<Map.Entry<String, BigDecimal>> calls = new ArrayList<>(transfers);
        calls.addAll(transfers.subList(0, 15));
        Collections.shuffle(calls, random);
        Map<String, String> outcome = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Map.Entry<String, BigDecimal> call : calls) {
                running.add(pool.submit(() -> outcome.merge(call.getKey(), send(call.getKey(), call.getValue()),
                        EnterpriseIT::decisive)));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        BigDecimal moved = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> transfer : transfers) {
            String result = outcome.get(transfer.getKey());
            if (result.equals("in progress")) {
                result = send(transfer.getKey(), transfer.getValue());
            }
            assertThat(result).isIn("ok", "CBC.99005003");
            if (result.equals("ok")) {
                moved = moved.add(transfer.getValue());
            }
        }
        assertThat(subCash(independent)).isEqualByComparingTo(subBefore.add(moved));
        assertThat(masterCash()).isEqualByComparingTo(masterBefore.subtract(moved));
        assertThat(subCash(independent)).isNotNegative();
    }

    /**
     * billing-service crashes; a transfer asked meanwhile is recorded and answers "in progress"; once billing is back,
     * the reconciler makes it, once, and the trans_id answers its result.
     */
    @Test
    void aTransferAskedWhileBillingIsDownIsMadeOnceWhenItIsBack() {
        BigDecimal masterBefore = masterCash();
        BigDecimal subBefore = subCash(independent);
        String transId = UUID.randomUUID().toString();
        TestPlatform.service("billing-service").kill();
        try {
            assertThat(send(transId, new BigDecimal("3.21"))).isEqualTo("in progress");
            assertThat(send(transId, new BigDecimal("3.21"))).isEqualTo("in progress");
        } finally {
            TestPlatform.restart("billing-service");
        }
        // the reconciler takes over after its grace period (30 s) and runs every 10 s
        long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
        String result = send(transId, new BigDecimal("3.21"));
        while (result.equals("in progress") && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            result = send(transId, new BigDecimal("3.21"));
        }
        assertThat(result).isEqualTo("ok");
        assertThat(send(transId, new BigDecimal("3.21"))).isEqualTo("ok");
        assertThat(subCash(independent)).isEqualByComparingTo(subBefore.add(new BigDecimal("3.21")));
        assertThat(masterCash()).isEqualByComparingTo(masterBefore.subtract(new BigDecimal("3.21")));
    }

    /** Allocates a positive amount, reclaims a negative one; "ok", the error code, or "in progress". */
    private String send(String transId, BigDecimal amount) {
        try {
            if (amount.signum() > 0) {
                master.updateSubEnterpriseAmount(new UpdateSubEnterpriseAmountRequest().withBody(
                        new TransferEnterpriseMultiAccountReq().withCustomerId(independent)
                                .withAmount(amount.toPlainString()).withTransId(transId).withBalanceType(CASH)));
            } else {
                master.reclaimSubEnterpriseAmount(new ReclaimSubEnterpriseAmountRequest().withBody(
                        new RetrieveEnterpriseMultiAccountReq().withCustomerId(independent)
                                .withAmount(amount.negate().toPlainString()).withTransId(transId)
                                .withBalanceType(CASH)));
            }
            return "ok";
        } catch (ServiceResponseException e) {
            if (e.getErrorCode().equals("CBC.99007461")) {
                // a transfer in progress is a refusal to ask again later, never a server fault
                assertThat(e).isInstanceOf(ClientRequestException.class);
                assertThat(e.getHttpStatusCode()).isEqualTo(400);
                return "in progress";
            }
            return e.getErrorCode();
        }
    }

    private static String decisive(String first, String second) {
        return first.equals("in progress") ? second : first;
    }

    private BigDecimal masterCash() {
        return master.showMultiAccountTransferAmount(new ShowMultiAccountTransferAmountRequest().withBalanceType(CASH))
                .getAmountInfos().get(0).getAvailTransferAmount();
    }

    private BigDecimal subCash(String sub) {
        return master.listEnterpriseMultiAccount(new ListEnterpriseMultiAccountRequest().withSubCustomerId(sub)
                .withBalanceType(CASH)).getAmountInfos().get(0).getAvailRetrieveAmount();
    }

    private BigDecimal balanceOf(String couponId) {
        return master.listMultiAccountTransferCoupons(new ListMultiAccountTransferCouponsRequest().withLimit(100))
                .getAvailTransferCoupons().stream().filter(c -> c.getCouponId().equals(couponId))
                .map(c -> new BigDecimal(c.getBalance())).findFirst().orElseThrow();
    }

    private static CreateSubCustomerReqV2 newSub(String party, String name, String phone, String code) {
        return new CreateSubCustomerReqV2().withPartyId(party).withDisplayName("Created by the SDK")
                .withSubCustomerAssociationType(1).withFinancialCustody(0)
                .withPermissionIds(List.of("READ_CONSUME_BILL"))
                .withNewSubCustomer(new NewCustomerV2().withCustomerName(name).withMobilePhone(phone)
                        .withUsePriMobilePhone("N").withPassword("Sub-Acc0unt!").withVerificationCode(code));
    }

    private static String lastCode(String phone) throws IOException {
        Pattern line = Pattern.compile(Pattern.quote(phone) + "\\t.*?(\\d{6})");
        String code = null;
        for (String text : Files.readAllLines(TestPlatform.smsOutbox())) {
            Matcher matcher = line.matcher(text);
            if (matcher.find()) {
                code = matcher.group(1);
            }
        }
        assertThat(code).as("a code sent to " + phone).isNotNull();
        return code;
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
