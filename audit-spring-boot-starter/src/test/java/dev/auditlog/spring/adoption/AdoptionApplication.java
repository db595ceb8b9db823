package dev.auditlog.spring.adoption;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.auditlog.core.Action;
import dev.auditlog.core.AuditContext;
import dev.auditlog.event.PostLogEvent;
import dev.auditlog.event.PreLogEvent;
import dev.auditlog.spring.AdditionalDataProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.persistence.EntityManager;

/** The application of the adoption probes: one context for all of them. */
@SpringBootApplication
@EnableAsync
public class AdoptionApplication {

	/** Extra data handed to the next entry of an {@link Odd}. */
	static volatile @Nullable Map<String, @Nullable Object> nextData;

	@Bean
	AdditionalDataProvider oddData() {
		return (entity, action) -> (entity instanceof Odd) ? nextData : null;
	}

	@Bean
	Recorded recorded() {
		return new Recorded();
	}

	static final class Recorded {

		final List<PreLogEvent> before = new CopyOnWriteArrayList<>();

		final List<PostLogEvent> after = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PreLogEvent event) {
			this.before.add(event);
		}

		@EventListener
		void on(PostLogEvent event) {
			this.after.add(event);
		}

	}

	record Handover(String code) {
	}

	@Service
	static class AsyncWork {

		private final TransactionTemplate transaction;

		private final EntityManager entityManager;

		AsyncWork(TransactionTemplate transaction, EntityManager entityManager) {
			this.transaction = transaction;
			this.entityManager = entityManager;
		}

		void save(String code) {
			this.transaction.executeWithoutResult((status) -> this.entityManager.persist(new Measure(code)));
		}

		@Async
		@TransactionalEventListener
		public void afterCommit(Handover handover) {
			save(handover.code());
		}

		@Async
		public void saveLater(String code) {
			save(code);
		}

	}

}
