package dev.auditlog.benchmarks.variant.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Changelog;
import org.hibernate.audit.ChangelogMapping;

/**
 * The changelog entity of Hibernate's own auditing: one row per transaction that changes
 * an audited entity, whose id numbers the changeset (as Envers' revision entity does).
 */
@Entity
@Table(name = "revinfo")
@Changelog
public class Changeset extends ChangelogMapping {

}
