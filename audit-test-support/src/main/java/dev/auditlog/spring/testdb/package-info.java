/**
 * How the project's tests find their databases: the servers named by
 * {@code AUDITLOG_TEST_*} variables, Testcontainers, or an embedded PostgreSQL.
 */
package dev.auditlog.spring.testdb;
