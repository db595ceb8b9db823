package dev.auditlog.spring.adoption;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.auditlog.annotation.AuditMask;
import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Auditable(m2mFields = { "wallet.cards", "secrets" }, serializeData = true)
class Vault {

	@Id
	@GeneratedValue
	Long id;

	String name;

	@Embedded
	Wallet wallet = new Wallet();

	@Embedded
	Token token;

	@AuditMask
	byte[] photo;

	@AuditMask
	@ManyToOne
	Owner owner;

	@AuditMask
	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "vault_secrets")
	Map<String, String> secrets = new HashMap<>();

	@JdbcTypeCode(SqlTypes.JSON)
	Map<String, Object> doc;

	@JdbcTypeCode(SqlTypes.JSON)
	List<Map<String, Object>> entries;

	@JdbcTypeCode(SqlTypes.JSON)
	Prefs prefs;

	@Override
	public String toString() {
		return "Vault " + this.name;
	}

}
