#!/usr/bin/env bash
# Runs once, when the data directory is empty (the image's /docker-entrypoint-initdb.d). One login role per
# service, owning that service's schema and nothing else, so that no service can read another's tables; each
# service's Flyway then migrates inside its own schema. Names and passwords come from the services' Secrets.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=gateway_user="$GATEWAY_DB_USER" --set=gateway_password="$GATEWAY_DB_PASSWORD" \
  --set=billing_user="$BILLING_DB_USER" --set=billing_password="$BILLING_DB_PASSWORD" \
  --set=orders_user="$ORDERS_DB_USER" --set=orders_password="$ORDERS_DB_PASSWORD" \
  --set=enterprise_user="$ENTERPRISE_DB_USER" --set=enterprise_password="$ENTERPRISE_DB_PASSWORD" <<'SQL'
CREATE ROLE :"gateway_user" LOGIN PASSWORD :'gateway_password';
CREATE SCHEMA iam AUTHORIZATION :"gateway_user";
CREATE ROLE :"billing_user" LOGIN PASSWORD :'billing_password';
CREATE SCHEMA billing AUTHORIZATION :"billing_user";
CREATE ROLE :"orders_user" LOGIN PASSWORD :'orders_password';
CREATE SCHEMA orders AUTHORIZATION :"orders_user";
CREATE ROLE :"enterprise_user" LOGIN PASSWORD :'enterprise_password';
CREATE SCHEMA enterprise AUTHORIZATION :"enterprise_user";
SQL
