package dev.auditlog.spring.history;

/**
 * The states of a gadget.
 */
public enum GadgetStatus {

	DRAFT, ACTIVE, RETIRED

}
