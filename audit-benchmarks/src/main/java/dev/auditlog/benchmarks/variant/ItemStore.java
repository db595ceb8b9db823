package dev.auditlog.benchmarks.variant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.auditlog.benchmarks.model.Category;
import dev.auditlog.benchmarks.model.Item;
import dev.auditlog.benchmarks.model.ItemRepository;
import dev.auditlog.benchmarks.model.Status;
import dev.auditlog.benchmarks.model.Tag;
import jakarta.persistence.EntityManager;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The changes a workload makes, each call one transaction, written the way an application
 * writes them: through a Spring Data repository ({@code saveAll}, {@code deleteAll}), on
 * entities loaded in the transaction. Every variant runs this same code; only the entity
 * class and its auditing differ.
 *
 * @param <T> the variant's entity class
 */
public final class ItemStore<T extends Item> {

	/** The number of categories, ids 1 to this. */
	public static final int CATEGORIES = 5;

	/** The number of tags, ids 1 to this. */
	public static final int TAGS = 10;

	/** The most threads a workload runs on. */
	public static final int MAX_THREADS = 8;

	/** The items each thread of an update workload changes, at most. */
	public static final int POOL_PER_THREAD = 100;

	private static final Status[] STATUSES = Status.values();

	private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

	private final ItemRepository<T> repository;

	private final Supplier<T> factory;

	private final TransactionTemplate transaction;

	private final EntityManager entityManager;

	public ItemStore(ItemRepository<T> repository, Supplier<T> factory, TransactionTemplate transaction,
			EntityManager entityManager) {
		this.repository = repository;
		this.factory = factory;
		this.transaction = transaction;
		this.entityManager = entityManager;
	}

	/**
	 * Create items, each with a category and two tags, in one transaction.
	 * @param count the number of items
	 * @param seq a number that makes the values unique
	 * @return the ids of the new items
	 */
	public List<Long> create(int count, long seq) {
		return inTransaction(() -> {
			List<T> items = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				items.add(newItem(seq + i));
			}
			return ids(this.repository.saveAll(items));
		});
	}

	/**
	 * Create items, each with a category and two tags, all in ONE transaction, flushing
	 * and clearing the persistence context every {@code chunk} items, as a batch job
	 * does.
	 * @param count the number of items
	 * @param chunk the items between two flushes
	 * @param seq a number that makes the values unique
	 * @param afterChunk called inside the transaction after each flush and clear, with
	 * the items created so far
	 */
	public void createInOneTransaction(int count, int chunk, long seq, java.util.function.IntConsumer afterChunk) {
		inTransaction(() -> {
			for (int i = 0; i < count; i++) {
				this.entityManager.persist(newItem(seq + i));
				if ((i + 1) % chunk == 0 || i + 1 == count) {
					this.entityManager.flush();
					this.entityManager.clear();
					afterChunk.accept(i + 1);
				}
			}
			return Boolean.TRUE;
		});
	}

	/**
	 * Change the name of each item, or five of its fields (name, description, price,
	 * status, due date), in one transaction.
	 * @param ids the items
	 * @param fiveFields whether to change five fields rather than one
	 * @param seq a number that makes the new values differ from the old ones
	 */
	public void update(List<Long> ids, boolean fiveFields, long seq) {
		inTransaction(() -> {
			List<T> items = this.repository.findAllById(ids);
			int index = 0;
			for (T item : items) {
				item.setName("item " + seq + "/" + index++);
				if (fiveFields) {
					item.setDescription("revision " + seq + " of " + item.getSku());
					BigDecimal price = Objects.requireNonNullElse(item.getPrice(), BigDecimal.ZERO);
					item.setPrice(price.add(BigDecimal.ONE));
					Status status = Objects.requireNonNullElse(item.getStatus(), Status.DRAFT);
					item.setStatus(STATUSES[(status.ordinal() + 1) % STATUSES.length]);
					item.setDueDate(Objects.requireNonNullElse(item.getDueDate(), FIRST_DAY).plusDays(1));
				}
			}
			this.repository.saveAll(items);
			return items.size();
		});
	}

	/**
	 * Add a tag to each item that does not have it and remove it from each that does, in
	 * one transaction.
	 * @param ids the items
	 * @param seq picks the tag
	 */
	public void toggleTag(List<Long> ids, long seq) {
		long tagId = 1 + (seq % TAGS);
		inTransaction(() -> {
			List<T> items = this.repository.findWithTags(ids);
			for (T item : items) {
				if (!item.getTags().removeIf((tag) -> tag.getId() == tagId)) {
					item.getTags().add(this.entityManager.getReference(Tag.class, tagId));
				}
			}
			this.repository.saveAll(items);
			return items.size();
		});
	}

	/**
	 * Delete items in one transaction.
	 * @param ids the items
	 */
	public void delete(List<Long> ids) {
		inTransaction(() -> {
			List<T> items = this.repository.findAllById(ids);
			this.repository.deleteAll(items);
			return items.size();
		});
	}

	private T newItem(long n) {
		T item = this.factory.get();
		item.setName("item " + n);
		item.setSku("SKU-" + n);
		item.setDescription("Benchmark item number " + n + ", created by the audit-benchmarks suite");
		item.setEmail("buyer" + (n % 1000) + "@example.com");
		item.setQuantity((int) (n % 1000));
		item.setPrice(BigDecimal.valueOf(1000 + (n % 100_000), 2));
		item.setStatus(STATUSES[(int) (n % STATUSES.length)]);
		item.setDueDate(FIRST_DAY.plusDays(n % 365));
		item.setCategory(this.entityManager.getReference(Category.class, 1 + (n % CATEGORIES)));
		item.getTags().add(this.entityManager.getReference(Tag.class, 1 + (n % TAGS)));
		item.getTags().add(this.entityManager.getReference(Tag.class, 1 + ((n + 3) % TAGS)));
		return item;
	}

	private <R> R inTransaction(Supplier<R> work) {
		return Objects.requireNonNull(this.transaction.execute((status) -> work.get()));
	}

	private static List<Long> ids(List<? extends Item> items) {
		List<Long> ids = new ArrayList<>(items.size());
		for (Item item : items) {
			ids.add(Objects.requireNonNull(item.getId()));
		}
		return ids;
	}

}
