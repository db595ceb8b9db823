package dev.auditlog.spring.scenario;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@Auditable
public class Setting {

	@Id
	@Column(name = "setting_key")
	private String key;

	@Column(name = "setting_value")
	private String value;

	protected Setting() {
	}

	public Setting(String key, String value) {
		this.key = key;
		this.value = value;
	}

	public void setValue(String value) {
		this.value = value;
	}

}
