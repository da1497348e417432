package io.openbss.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * A million yearly/monthly resources for the resource query: per customer one paid order and 50 servers, each with
 * its disk; mostly in use, some expired or closed, expiring over the coming year. Written straight into
 * orders-service's tables in batches of customers, as the provisioning would leave them.
 */
final class ResourceDataGenerator {

    static final int SERVERS_PER_CUSTOMER = 50;

    private final BenchPlatform platform;
    private final int customers;

    ResourceDataGenerator(BenchPlatform platform, int customers) {
        this.platform = platform;
        this.customers = customers;
    }

    void generate() throws Exception {
        long wanted = 2L * SERVERS_PER_CUSTOMER * customers;
        try (Connection db = platform.jdbc()) {
            long existing;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM orders.subscription WHERE resource_id LIKE 'bench-%'")) {
                rs.next();
                existing = rs.getLong(1);
            }
            if (existing >= wanted) {
                System.out.printf("data: %,d resources already there%n", existing);
                return;
            }
            long start = System.nanoTime();
            db.setAutoCommit(false);
            for (int from = 0; from < customers; from += 1000) {
                int to = Math.min(customers, from + 1000) - 1;
                try (PreparedStatement orders = db.prepareStatement("""
                        INSERT INTO orders.customer_order (order_id, customer_id, service_type_code, service_type_name,
                            source_type, status, order_type, official_amount, amount_after_discount, create_time,
                            payment_time)
                        SELECT 'BENCH' || c, 'bench-customer-' || lpad(c::text, 6, '0'), 'hws.service.type.ec2',
                               '弹性云服务器', 1, 5, 1, 100, 100, now() - interval '30 days', now() - interval '30 days'
                          FROM generate_series(?, ?) c
                        ON CONFLICT DO NOTHING""");
                     PreparedStatement resources = db.prepareStatement("""
                        INSERT INTO orders.subscription (resource_id, customer_id, main_resource_id, order_id,
                            service_type_code, service_type_name, resource_type_code, resource_spec_code, region_code,
                            product_id, product_spec_desc, resource_name, resource_size, size_measure_id, status,
                            effective_time, expire_time, expire_policy, bought_months, max_period_months, update_time,
                            period_type, period_num)
                        SELECT 'bench-' || c || '-' || r || d.suffix, 'bench-customer-' || lpad(c::text, 6, '0'),
                               CASE WHEN d.suffix = '' THEN NULL ELSE 'bench-' || c || '-' || r END, 'BENCH' || c,
                               d.service, d.service_name, d.type, d.spec, 'cn-north-4', d.spec, d.spec,
                               'bench ' || r || d.suffix, d.size, CASE WHEN d.size IS NULL THEN NULL ELSE 17 END,
                               CASE WHEN r % 20 = 0 THEN 5 WHEN r % 25 = 1 THEN 3 ELSE 2 END,
                               now() - interval '30 days',
                               now() + make_interval(days => ((c * 31 + r * 17) % 365) - 10),
                               CASE WHEN r % 3 = 0 THEN 3 ELSE 0 END, 1, 36, now(), 2, 1
                          FROM generate_series(?, ?) c, generate_series(0, ?) r,
                               (VALUES ('', 'hws.service.type.ec2', '弹性云服务器', 'hws.resource.type.vm',
                                        's6.large.2.linux', NULL::int),
                                       ('-disk', 'hws.service.type.ebs', '云硬盘', 'hws.resource.type.volume',
                                        'SSD', 40)) AS d(suffix, service, service_name, type, spec, size)
                         ORDER BY d.suffix
                        ON CONFLICT DO NOTHING""")) {
                    orders.setInt(1, from);
                    orders.setInt(2, to);
                    orders.executeUpdate();
                    resources.setInt(1, from);
                    resources.setInt(2, to);
                    resources.setInt(3, SERVERS_PER_CUSTOMER - 1);
                    resources.executeUpdate();
                    db.commit();
                }
            }
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE orders.subscription");
            }
            db.setAutoCommit(true);
            System.out.printf("data: %,d resources of %,d customers in %.0f s%n", wanted, customers,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    static String customerId(int i) {
        return String.format("bench-customer-%06d", i);
    }
}
