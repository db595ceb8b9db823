package dev.auditlog.spring.maskcheck.transientinelement;

import java.util.ArrayList;
import java.util.List;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/**
 * Holds {@link Key}s in an element collection; a key masks a transient field.
 */
@Entity
@Auditable(m2mFields = "keys")
public class Account {

	@Id
	@GeneratedValue
	private Long id;

	@ElementCollection
	private List<Key> keys = new ArrayList<>();

}
