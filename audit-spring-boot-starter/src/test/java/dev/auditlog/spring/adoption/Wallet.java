package dev.auditlog.spring.adoption;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;

@Embeddable
class Wallet {

	String owner;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "vault_cards")
	List<CardEl> cards = new ArrayList<>();

}
