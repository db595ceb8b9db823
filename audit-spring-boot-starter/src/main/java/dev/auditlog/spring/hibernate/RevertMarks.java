package dev.auditlog.spring.hibernate;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

import dev.auditlog.core.Action;
import dev.auditlog.spring.AdditionalDataProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Adds to the entry of an entity being reverted or restored what it undoes
 * ({@code {"revertOf": 42}} or {@code {"restoredTo": "2026-11-30T10:00:00Z"}}), until its
 * transaction completes.
 */
final class RevertMarks implements AdditionalDataProvider {

	private final Map<Object, Map<String, @Nullable Object>> marks = Collections
		.synchronizedMap(new IdentityHashMap<>());

	/**
	 * Mark an entity for the rest of the current transaction.
	 * @param entity the entity about to change
	 * @param data what its entry is to carry
	 */
	void mark(Object entity, Map<String, @Nullable Object> data) {
		this.marks.put(entity, data);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				RevertMarks.this.marks.remove(entity);
			}

		});
	}

	@Override
	public @Nullable Map<String, @Nullable Object> additionalData(Object entity, Action action) {
		return (action == Action.UPDATE) ? this.marks.get(entity) : null;
	}

}
