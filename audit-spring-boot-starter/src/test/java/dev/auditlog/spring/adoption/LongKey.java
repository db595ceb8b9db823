package dev.auditlog.spring.adoption;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
class LongKey implements Serializable {

	@Column(length = 300)
	String a;

	@Column(length = 300)
	String b;

	LongKey() {
	}

	LongKey(String a, String b) {
		this.a = a;
		this.b = b;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof LongKey k && Objects.equals(this.a, k.a) && Objects.equals(this.b, k.b);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.a, this.b);
	}

}
