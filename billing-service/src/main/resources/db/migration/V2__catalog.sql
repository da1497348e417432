-- The product catalog: regions, measure units and conversions, service types, resource types, usage types, and the
-- products sold in each region with their yearly/monthly and pay-per-use prices. Names in zh_CN and en_US.

CREATE TABLE region (
    region_code VARCHAR(64)  PRIMARY KEY,
    name_zh     VARCHAR(128) NOT NULL,
    name_en     VARCHAR(128) NOT NULL,
    -- prices in this region are the base price times this factor
    price_factor NUMERIC(6,4) NOT NULL DEFAULT 1
);
INSERT INTO region VALUES
    ('cn-north-4', '华北-北京四', 'CN North-Beijing4', 1),
    ('cn-east-3', '华东-上海一', 'CN East-Shanghai1', 1),
    ('cn-south-1', '华南-广州', 'CN South-Guangzhou', 1),
    ('ap-southeast-1', '中国-香港', 'CN-Hong Kong', 1.2);

-- measure_type: 1 currency, 2 duration, 3 traffic, 4 quantity, 7 capacity, 15 capacity*duration, 16 bandwidth rate
CREATE TABLE measure_unit (
    measure_id   INT          PRIMARY KEY,
    measure_type INT          NOT NULL,
    name_zh      VARCHAR(32)  NOT NULL,
    name_en      VARCHAR(32)  NOT NULL,
    abbreviation VARCHAR(16)  NOT NULL
);
INSERT INTO measure_unit VALUES
    (1, 1, '元', 'Yuan', 'CNY'), (2, 1, '角', 'Jiao', 'Jiao'), (3, 1, '分', 'Fen', 'Fen'),
    (4, 2, '小时', 'Hour', 'h'), (5, 2, '天', 'Day', 'd'), (6, 2, '分钟', 'Minute', 'min'), (7, 2, '秒', 'Second', 's'),
    (10, 3, 'GB', 'GB', 'G'), (11, 3, 'MB', 'MB', 'M'), (12, 3, 'TB', 'TB', 'T'), (13, 3, 'KB', 'KB', 'K'),
    (14, 4, '个', 'Unit', 'unit'), (21, 4, '万次', '10,000 times', '10k'),
    (15, 16, 'Mbps', 'Mbps', 'Mbps'), (16, 16, 'Kbps', 'Kbps', 'Kbps'), (18, 16, 'Gbps', 'Gbps', 'Gbps'),
    (17, 7, 'GB', 'GB', 'G'), (19, 7, 'TB', 'TB', 'T'), (20, 7, 'MB', 'MB', 'M'),
    (30, 15, 'GB*小时', 'GB*Hour', 'GB*h');

-- 1 measure_id = conversion_ratio ref_measure_id
CREATE TABLE measure_conversion (
    measure_id       INT    NOT NULL REFERENCES measure_unit,
    ref_measure_id   INT    NOT NULL REFERENCES measure_unit,
    conversion_ratio BIGINT NOT NULL CHECK (conversion_ratio > 0),
    measure_type     INT    NOT NULL,
    PRIMARY KEY (measure_id, ref_measure_id)
);
INSERT INTO measure_conversion VALUES
    (1, 2, 10, 1), (1, 3, 100, 1), (2, 3, 10, 1),
    (5, 4, 24, 2), (4, 6, 60, 2), (6, 7, 60, 2),
    (12, 10, 1024, 3), (10, 11, 1024, 3), (11, 13, 1024, 3),
    (21, 14, 10000, 4),
    (18, 15, 1000, 16), (15, 16, 1000, 16),
    (19, 17, 1024, 7), (17, 20, 1024, 7);

CREATE TABLE service_type (
    service_type_code VARCHAR(64)  PRIMARY KEY,
    name_zh           VARCHAR(128) NOT NULL,
    name_en           VARCHAR(128) NOT NULL,
    abbreviation      VARCHAR(32)  NOT NULL
);
INSERT INTO service_type VALUES
    ('hws.service.type.ec2', '弹性云服务器', 'Elastic Cloud Server', 'ECS'),
    ('hws.service.type.ebs', '云硬盘', 'Elastic Volume Service', 'EVS'),
    ('hws.service.type.obs', '对象存储服务', 'Object Storage Service', 'OBS'),
    ('hws.service.type.vpc', '虚拟私有云', 'Virtual Private Cloud', 'VPC'),
    ('hws.service.type.rds', '云数据库 RDS', 'Relational Database Service', 'RDS'),
    ('hws.service.type.cdn', '内容分发网络', 'Content Delivery Network', 'CDN'),
    ('hws.service.type.cce', '云容器引擎', 'Cloud Container Engine', 'CCE'),
    ('hws.service.type.dcs', '分布式缓存服务', 'Distributed Cache Service', 'DCS'),
    ('hws.service.type.elb', '弹性负载均衡', 'Elastic Load Balance', 'ELB'),
    ('hws.service.type.dns', '云解析服务', 'Domain Name Service', 'DNS');

CREATE TABLE resource_type (
    resource_type_code VARCHAR(64)  PRIMARY KEY,
    service_type_code  VARCHAR(64)  NOT NULL REFERENCES service_type,
    name_zh            VARCHAR(128) NOT NULL,
    name_en            VARCHAR(128) NOT NULL,
    desc_zh            VARCHAR(256) NOT NULL,
    desc_en            VARCHAR(256) NOT NULL
);
INSERT INTO resource_type VALUES
    ('hws.resource.type.vm', 'hws.service.type.ec2', '云主机', 'Cloud server', '弹性云服务器实例', 'Elastic Cloud Server instance'),
    ('hws.resource.type.volume', 'hws.service.type.ebs', '云硬盘', 'Disk', '块存储云硬盘', 'Block storage volume'),
    ('hws.resource.type.obs', 'hws.service.type.obs', '对象存储', 'Object storage', '对象存储桶的存储、流量与请求', 'Storage, traffic and requests of buckets'),
    ('hws.resource.type.bandwidth', 'hws.service.type.vpc', '带宽', 'Bandwidth', '公网带宽', 'Public bandwidth'),
    ('hws.resource.type.ip', 'hws.service.type.vpc', '弹性公网IP', 'Elastic IP', '弹性公网IP地址', 'Elastic public IP address'),
    ('hws.resource.type.rds.vm', 'hws.service.type.rds', '数据库实例', 'DB instance', '云数据库实例', 'Database instance'),
    ('hws.resource.type.rds.volume', 'hws.service.type.rds', '数据库存储', 'DB storage', '云数据库存储空间', 'Database storage'),
    ('hws.resource.type.cdn', 'hws.service.type.cdn', 'CDN', 'CDN', 'CDN加速流量', 'CDN acceleration traffic'),
    ('hws.resource.type.cce.cluster', 'hws.service.type.cce', '集群', 'Cluster', '容器集群控制面', 'Container cluster control plane'),
    ('hws.resource.type.dcs.redis', 'hws.service.type.dcs', 'Redis实例', 'Redis instance', '分布式缓存Redis实例', 'Redis cache instance'),
    ('hws.resource.type.elb', 'hws.service.type.elb', '负载均衡器', 'Load balancer', '独享型负载均衡器', 'Dedicated load balancer'),
    ('hws.resource.type.dns.zone', 'hws.service.type.dns', '内网域名', 'Private zone', '内网解析域名', 'Private DNS zone');

CREATE TABLE usage_type (
    resource_type_code VARCHAR(64)  NOT NULL REFERENCES resource_type,
    usage_type_code    VARCHAR(64)  NOT NULL,
    name_zh            VARCHAR(128) NOT NULL,
    name_en            VARCHAR(128) NOT NULL,
    measure_id         INT          NOT NULL REFERENCES measure_unit,
    PRIMARY KEY (resource_type_code, usage_type_code)
);
INSERT INTO usage_type VALUES
    ('hws.resource.type.vm', 'Duration', '时长', 'Duration', 4),
    ('hws.resource.type.volume', 'Duration', '时长', 'Duration', 4),
    ('hws.resource.type.obs', 'capacity', '存储容量', 'Storage capacity', 30),
    ('hws.resource.type.obs', 'downflow', '公网流出流量', 'Outbound traffic', 10),
    ('hws.resource.type.obs', 'reqNumber', '请求次数', 'Requests', 21),
    ('hws.resource.type.bandwidth', 'Duration', '时长', 'Duration', 4),
    ('hws.resource.type.bandwidth', 'upflow', '上行流量', 'Outbound traffic', 10),
    ('hws.resource.type.bandwidth', 'bandwidth95', '95峰值带宽', '95th-percentile bandwidth', 15),
    ('hws.resource.type.ip', 'Duration', '时长', 'Duration', 4),
    ('hws.resource.type.rds.vm', 'Duration', '时长', 'Duration', 4),
    ('hws.resource.type.rds.volume', 'Duration', '时长', 'Duration', 4),
    ('hws.resource.type.cdn', 'downflow', '流量', 'Traffic', 10),
    ('hws.resource.type.cdn', 'bandwidth95', '95峰值带宽', '95th-percentile bandwidth', 15),
    ('hws.resource.type.cce.cluster', 'Duration', '时长', 'Duration', 4),
    ('hws.resource.type.dcs.redis', 'Duration', '时长', 'Duration', 4),
    ('hws.resource.type.elb', 'Duration', '时长', 'Duration', 4),
    ('hws.resource.type.dns.zone', 'Duration', '时长', 'Duration', 4);

-- A product: one spec of one resource type in one region. Linear products (disks, bandwidth) are priced per unit
-- of size. month_price and year_price are yearly/monthly prices (null: not sold that way); the pay-per-use
-- prices are in on_demand_price.
CREATE TABLE product (
    product_id         VARCHAR(64)   PRIMARY KEY,
    service_type_code  VARCHAR(64)   NOT NULL REFERENCES service_type,
    resource_type_code VARCHAR(64)   NOT NULL REFERENCES resource_type,
    resource_spec      VARCHAR(128)  NOT NULL,
    region_code        VARCHAR(64)   NOT NULL REFERENCES region,
    spec_desc_zh       VARCHAR(256)  NOT NULL,
    spec_desc_en       VARCHAR(256)  NOT NULL,
    size_measure_id    INT           REFERENCES measure_unit,
    month_price        NUMERIC(20,8) CHECK (month_price >= 0),
    year_price         NUMERIC(20,8) CHECK (year_price >= 0),
    max_period_months  INT           NOT NULL DEFAULT 60,
    CONSTRAINT one_product_per_spec UNIQUE (service_type_code, resource_type_code, resource_spec, region_code)
);

CREATE TABLE on_demand_price (
    product_id       VARCHAR(64)   NOT NULL REFERENCES product,
    usage_type_code  VARCHAR(64)   NOT NULL,
    usage_measure_id INT           NOT NULL REFERENCES measure_unit,
    unit_price       NUMERIC(24,10) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (product_id, usage_type_code)
);

CREATE TEMPORARY TABLE base_product (
    service_type_code VARCHAR(64), resource_type_code VARCHAR(64), resource_spec VARCHAR(128),
    spec_desc_zh VARCHAR(256), spec_desc_en VARCHAR(256), size_measure_id INT,
    month_price NUMERIC(20,8), usage_type_code VARCHAR(64), usage_measure_id INT, unit_price NUMERIC(24,10)
);
INSERT INTO base_product VALUES
    ('hws.service.type.ec2', 'hws.resource.type.vm', 's6.small.1.linux', '通用计算型 s6 1vCPUs 1GiB Linux', 'General computing s6 1 vCPU 1 GiB Linux', NULL, 31.00, 'Duration', 4, 0.0600),
    ('hws.service.type.ec2', 'hws.resource.type.vm', 's6.medium.2.linux', '通用计算型 s6 1vCPUs 2GiB Linux', 'General computing s6 1 vCPU 2 GiB Linux', NULL, 78.00, 'Duration', 4, 0.1500),
    ('hws.service.type.ec2', 'hws.resource.type.vm', 's6.large.2.linux', '通用计算型 s6 2vCPUs 4GiB Linux', 'General computing s6 2 vCPUs 4 GiB Linux', NULL, 156.00, 'Duration', 4, 0.3000),
    ('hws.service.type.ec2', 'hws.resource.type.vm', 's6.xlarge.2.linux', '通用计算型 s6 4vCPUs 8GiB Linux', 'General computing s6 4 vCPUs 8 GiB Linux', NULL, 312.00, 'Duration', 4, 0.6000),
    ('hws.service.type.ec2', 'hws.resource.type.vm', 'c6.large.2.linux', '计算增强型 c6 2vCPUs 4GiB Linux', 'Computing plus c6 2 vCPUs 4 GiB Linux', NULL, 190.00, 'Duration', 4, 0.3650),
    ('hws.service.type.ec2', 'hws.resource.type.vm', 'c6.2xlarge.4.linux', '计算增强型 c6 8vCPUs 32GiB Linux', 'Computing plus c6 8 vCPUs 32 GiB Linux', NULL, 760.00, 'Duration', 4, 1.4600),
    ('hws.service.type.ec2', 'hws.resource.type.vm', 'm6.xlarge.8.linux', '内存优化型 m6 4vCPUs 32GiB Linux', 'Memory optimized m6 4 vCPUs 32 GiB Linux', NULL, 560.00, 'Duration', 4, 1.0800),
    ('hws.service.type.ec2', 'hws.resource.type.vm', 's6.large.2.win', '通用计算型 s6 2vCPUs 4GiB Windows', 'General computing s6 2 vCPUs 4 GiB Windows', NULL, 206.00, 'Duration', 4, 0.3900),
    ('hws.service.type.ebs', 'hws.resource.type.volume', 'SATA', '普通IO', 'Common I/O', 17, 0.30, 'Duration', 4, 0.00042),
    ('hws.service.type.ebs', 'hws.resource.type.volume', 'SAS', '高IO', 'High I/O', 17, 0.35, 'Duration', 4, 0.00049),
    ('hws.service.type.ebs', 'hws.resource.type.volume', 'GPSSD', '通用型SSD', 'General purpose SSD', 17, 0.50, 'Duration', 4, 0.0007),
    ('hws.service.type.ebs', 'hws.resource.type.volume', 'SSD', '超高IO', 'Ultra-high I/O', 17, 1.00, 'Duration', 4, 0.0014),
    ('hws.service.type.obs', 'hws.resource.type.obs', 'obs.standard', '标准存储', 'Standard storage', NULL, NULL, 'capacity', 30, 0.000139),
    ('hws.service.type.obs', 'hws.resource.type.obs', 'obs.standard', '标准存储', 'Standard storage', NULL, NULL, 'downflow', 10, 0.50),
    ('hws.service.type.obs', 'hws.resource.type.obs', 'obs.standard', '标准存储', 'Standard storage', NULL, NULL, 'reqNumber', 21, 0.01),
    ('hws.service.type.obs', 'hws.resource.type.obs', 'obs.warm', '低频访问存储', 'Infrequent access storage', NULL, NULL, 'capacity', 30, 0.000111),
    ('hws.service.type.obs', 'hws.resource.type.obs', 'obs.warm', '低频访问存储', 'Infrequent access storage', NULL, NULL, 'downflow', 10, 0.50),
    ('hws.service.type.obs', 'hws.resource.type.obs', 'obs.cold', '归档存储', 'Archive storage', NULL, NULL, 'capacity', 30, 0.0000458),
    ('hws.service.type.vpc', 'hws.resource.type.bandwidth', '19_bgp', '全动态BGP 按带宽计费', 'Dynamic BGP, billed by bandwidth', 15, 23.00, 'Duration', 4, 0.063),
    ('hws.service.type.vpc', 'hws.resource.type.bandwidth', '19_share', '共享带宽 按带宽计费', 'Shared bandwidth, billed by bandwidth', 15, 60.00, 'Duration', 4, 0.17),
    ('hws.service.type.vpc', 'hws.resource.type.bandwidth', '12_bgp', '全动态BGP 按流量计费', 'Dynamic BGP, billed by traffic', NULL, NULL, 'upflow', 10, 0.80),
    ('hws.service.type.vpc', 'hws.resource.type.bandwidth', '95_bgp', '全动态BGP 按95计费', 'Dynamic BGP, billed by 95th percentile', NULL, NULL, 'bandwidth95', 15, 0.60),
    ('hws.service.type.vpc', 'hws.resource.type.ip', '5_bgp', '全动态BGP公网IP', 'Dynamic BGP elastic IP', NULL, 20.00, 'Duration', 4, 0.02),
    ('hws.service.type.rds', 'hws.resource.type.rds.vm', 'rds.mysql.n1.large.2', 'MySQL 单机 2vCPUs 4GB', 'MySQL single 2 vCPUs 4 GB', NULL, 370.00, 'Duration', 4, 0.74),
    ('hws.service.type.rds', 'hws.resource.type.rds.vm', 'rds.mysql.n1.xlarge.2.ha', 'MySQL 主备 4vCPUs 8GB', 'MySQL primary/standby 4 vCPUs 8 GB', NULL, 1480.00, 'Duration', 4, 2.96),
    ('hws.service.type.rds', 'hws.resource.type.rds.vm', 'rds.pg.n1.large.2', 'PostgreSQL 单机 2vCPUs 4GB', 'PostgreSQL single 2 vCPUs 4 GB', NULL, 400.00, 'Duration', 4, 0.80),
    ('hws.service.type.rds', 'hws.resource.type.rds.volume', 'ULTRAHIGH', '数据库超高IO存储', 'Ultra-high I/O database storage', 17, 0.80, 'Duration', 4, 0.0011),
    ('hws.service.type.cdn', 'hws.resource.type.cdn', 'cdn.flow', '按流量计费', 'Billed by traffic', NULL, NULL, 'downflow', 10, 0.20),
    ('hws.service.type.cdn', 'hws.resource.type.cdn', 'cdn.bandwidth95', '按95峰值带宽计费', 'Billed by 95th-percentile bandwidth', NULL, NULL, 'bandwidth95', 15, 0.58),
    ('hws.service.type.cce', 'hws.resource.type.cce.cluster', 'cce.s1.small', '单控制节点 50节点', 'Single control node, 50 nodes', NULL, 250.00, 'Duration', 4, 0.50),
    ('hws.service.type.cce', 'hws.resource.type.cce.cluster', 'cce.s2.small', '高可用控制面 50节点', 'HA control plane, 50 nodes', NULL, 690.00, 'Duration', 4, 1.39),
    ('hws.service.type.dcs', 'hws.resource.type.dcs.redis', 'redis.ha.xu1.large.r2.2', 'Redis 主备 2GB', 'Redis master/standby 2 GB', NULL, 190.00, 'Duration', 4, 0.36),
    ('hws.service.type.dcs', 'hws.resource.type.dcs.redis', 'redis.ha.xu1.large.r2.8', 'Redis 主备 8GB', 'Redis master/standby 8 GB', NULL, 590.00, 'Duration', 4, 1.12),
    ('hws.service.type.elb', 'hws.resource.type.elb', 'elbv3.basic.1az', '独享型 网络型 小型I', 'Dedicated network small I', NULL, 120.00, 'Duration', 4, 0.23),
    ('hws.service.type.elb', 'hws.resource.type.elb', 'elbv3.small.1az', '独享型 应用型 小型II', 'Dedicated application small II', NULL, 300.00, 'Duration', 4, 0.58),
    ('hws.service.type.dns', 'hws.resource.type.dns.zone', 'dns.private.zone', '内网域名', 'Private zone', NULL, 5.00, 'Duration', 4, 0.0083);

-- Product ids are stable across installations: "OFFI" and 18 digits derived from the product's identity.
INSERT INTO product (product_id, service_type_code, resource_type_code, resource_spec, region_code, spec_desc_zh,
                     spec_desc_en, size_measure_id, month_price, year_price)
SELECT DISTINCT ON (b.resource_type_code, b.resource_spec, r.region_code)
       'OFFI' || lpad((('x' || substr(md5(b.resource_type_code || '|' || b.resource_spec || '|' || r.region_code), 1, 15))
                       ::bit(60)::bigint % 1000000000000000000)::text, 18, '0'),
       b.service_type_code, b.resource_type_code, b.resource_spec, r.region_code, b.spec_desc_zh, b.spec_desc_en,
       b.size_measure_id, round(b.month_price * r.price_factor, 2),
       -- a year costs ten months
       round(b.month_price * r.price_factor * 10, 2)
  FROM base_product b CROSS JOIN region r;

INSERT INTO on_demand_price (product_id, usage_type_code, usage_measure_id, unit_price)
SELECT p.product_id, b.usage_type_code, b.usage_measure_id, round(b.unit_price * r.price_factor, 10)
  FROM base_product b
  JOIN region r ON true
  JOIN product p ON p.resource_type_code = b.resource_type_code AND p.resource_spec = b.resource_spec
                AND p.region_code = r.region_code;

DROP TABLE base_product;
