package dev.auditlog.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.auditlog.benchmarks.variant.Variant;

/**
 * The fixed notes of the report: what each variant is and how it was set up.
 */
final class Notes {

	private Notes() {
	}

	static List<String> of(List<Variant> variants) {
		List<String> notes = new ArrayList<>();
		for (Variant variant : variants) {
			notes.add("`" + variant.id() + "`: " + variant.description() + ".");
		}
		notes.add("Hibernate 7.4's own auditing (`@org.hibernate.annotations.Audited`, incubating) works with "
				+ "Spring Boot 4.1 on Hibernate 7.4.1: an entity class annotated `@Audited` and one `@Changelog` "
				+ "entity (here a subclass of `ChangelogMapping`) are all it needs; `ddl-auto` creates its tables. It "
				+ "audits a collection only when the collection is declared in the audited class, not in its "
				+ "`@MappedSuperclass`, so every variant's entity class declares `tags` itself.");
		notes.add("JaVers: its Spring Boot starter in the registry stops at 7.9.0 (Spring Boot 3), so the 7.10 "
				+ "libraries are wired as the starter wires them (`JaversSqlRepository` with schema management on the "
				+ "transaction's connection, `TransactionalJpaJaversBuilder`, `HibernateUnproxyObjectAccessHook`, "
				+ "`JaversSpringDataJpaAuditableRepositoryAspect`), with JaVers' defaults. JaVers commits every object "
				+ "reachable from a saved item (its category and tags are snapshotted on first sight) and reads the "
				+ "latest snapshot of each before writing, so it loads the lazy associations.");
		notes.add("Spring Boot 4.1.1 starts its authentication audit listeners whenever an `AuditEventRepository` "
				+ "bean exists, without checking for Spring Security; the starter's `auditlog_event` repository "
				+ "then breaks startup of an application with actuator and without Spring Security. The benchmark "
				+ "excludes `AuditAutoConfiguration`, which no variant needs.");
		notes.add("Each workload writes through Spring Data (`saveAll`, `deleteAll`) on entities it loaded in the "
				+ "same transaction (`findAllById`; tags fetched with a join for the many-to-many change); the loads "
				+ "are part of every variant's work.");
		return notes;
	}

}
