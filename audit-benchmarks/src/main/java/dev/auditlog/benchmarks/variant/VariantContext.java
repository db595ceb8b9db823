package dev.auditlog.benchmarks.variant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.auditlog.benchmarks.database.BenchmarkDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One variant's running application: its own Spring context,
 * {@code EntityManagerFactory}, connection pool and schema, with the items the update
 * workloads change.
 */
public final class VariantContext implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(VariantContext.class);

	/**
	 * The tables of the application itself, and those of auditlog that entity changes
	 * never write; every other table of the schema holds audit data of entity changes.
	 */
	private static final Set<String> APPLICATION_TABLES = Set.of("item", "item_tags", "category", "tag",
			"auditlog_schema_history", "auditlog_event");

	private final Variant variant;

	private final String schema;

	private final ConfigurableApplicationContext context;

	private final ItemStore<?> store;

	private final StatementCounter counter;

	private final JdbcTemplate jdbc;

	private final List<String> auditTables;

	private final AtomicLong sequence = new AtomicLong();

	private List<Long> pool = List.of();

	private VariantContext(Variant variant, String schema, ConfigurableApplicationContext context) {
		this.variant = variant;
		this.schema = schema;
		this.context = context;
		this.store = context.getBean(ItemStore.class);
		this.counter = context.getBean(StatementCounter.class);
		this.jdbc = context.getBean(JdbcTemplate.class);
		this.auditTables = List.copyOf(this.jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' "
						+ "ORDER BY table_name",
				String.class, schema)
			.stream()
			.filter((table) -> !APPLICATION_TABLES.contains(table))
			.toList());
	}

	/**
	 * Start a variant's application on a fresh schema, and insert the categories and tags
	 * the items refer to.
	 * @param variant the variant
	 * @param database the database
	 * @param schema the schema, dropped and created first
	 * @param poolSize the size of its connection pool
	 * @param web whether to run a web server (on a random port)
	 * @param more more application properties
	 * @return the running variant
	 */
	public static VariantContext start(Variant variant, BenchmarkDatabase database, String schema, int poolSize,
			boolean web, Map<String, Object> more) {
		database.recreateSchema(schema);
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.application.name", "benchmark-" + variant.id());
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.log-startup-info", false);
		properties.put("spring.jmx.enabled", false);
		properties.put("spring.datasource.url", database.urlOf(schema));
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		properties.put("spring.datasource.hikari.maximum-pool-size", poolSize);
		properties.put("spring.datasource.hikari.minimum-idle", poolSize);
		properties.put("spring.jpa.hibernate.ddl-auto", "create");
		properties.put("spring.jpa.open-in-view", false);
		// what a write-heavy application sets, for every variant alike
		properties.put("spring.jpa.properties.hibernate.jdbc.batch_size", 50);
		properties.put("spring.jpa.properties.hibernate.order_inserts", true);
		properties.put("spring.jpa.properties.hibernate.order_updates", true);
		// Spring Boot 4.1's audit-event listeners need Spring Security, which no variant
		// has, yet start as soon as an AuditEventRepository exists (the starter adds one)
		properties.put("spring.autoconfigure.exclude",
				"org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration");
		properties.put("benchmark.schema", schema);
		if (web) {
			properties.put("server.port", 0);
			properties.put("server.address", "127.0.0.1");
			properties.put("management.endpoints.web.exposure.include", "auditlog");
		}
		properties.putAll(variant.properties());
		properties.putAll(more);
		long startedAt = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(variant.application())
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.properties(properties)
			.run();
		try {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			for (int id = 1; id <= ItemStore.CATEGORIES; id++) {
				jdbc.update("INSERT INTO category (id, name) VALUES (?, ?)", (long) id, "category " + id);
			}
			for (int id = 1; id <= ItemStore.TAGS; id++) {
				jdbc.update("INSERT INTO tag (id, name) VALUES (?, ?)", (long) id, "tag " + id);
			}
			VariantContext running = new VariantContext(variant, schema, context);
			logger.info("Started variant {} on schema {} in {} ms; audit tables: {}", variant.id(), schema,
					(System.nanoTime() - startedAt) / 1_000_000, running.auditTables);
			return running;
		}
		catch (RuntimeException ex) {
			context.close();
			throw ex;
		}
	}

	public Variant variant() {
		return this.variant;
	}

	public String schema() {
		return this.schema;
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public ItemStore<?> store() {
		return this.store;
	}

	public StatementCounter counter() {
		return this.counter;
	}

	public JdbcTemplate jdbc() {
		return this.jdbc;
	}

	/**
	 * Return the tables the variant writes its audit data to.
	 * @return the table names
	 */
	public List<String> auditTables() {
		return this.auditTables;
	}

	/**
	 * Return a number no other call returned, and reserve the following ones.
	 * @param count how many numbers to reserve
	 * @return the first reserved number
	 */
	public long nextSequence(int count) {
		return this.sequence.getAndAdd(count);
	}

	/**
	 * Return the items the update workloads change: {@link ItemStore#POOL_PER_THREAD} for
	 * each thread.
	 * @return the item ids
	 */
	public List<Long> pool() {
		return this.pool;
	}

	/**
	 * Empty the items and the audit tables, and create the items the update workloads
	 * change, through the variant (so that every auditing library has seen them created).
	 * @param threads the most threads the workloads will run on
	 */
	public void prepare(int threads) {
		List<String> tables = new ArrayList<>(this.auditTables);
		tables.add(0, "item_tags");
		tables.add(0, "item");
		this.jdbc.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
		this.context.getBeansOfType(AuditStateCache.class).values().forEach(AuditStateCache::evict);
		this.pool = createItems(ItemStore.POOL_PER_THREAD * threads);
		analyze();
	}

	/**
	 * Update the planner's statistics of the variant's tables, as autovacuum would
	 * eventually: a workload that grows a table must not run on plans made for the empty
	 * table (a lookup of 100 ids would scan the whole table until the next automatic
	 * analysis).
	 */
	public void analyze() {
		for (String table : this.jdbc.queryForList(
				"SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
				String.class, this.schema)) {
			this.jdbc.execute("ANALYZE " + table);
		}
	}

	/**
	 * Create items through the variant, 100 to a transaction, untimed: the rows a delete
	 * workload deletes.
	 * @param count the number of items
	 * @return their ids
	 */
	public List<Long> createItems(int count) {
		List<Long> ids = new ArrayList<>(count);
		while (ids.size() < count) {
			int batch = Math.min(100, count - ids.size());
			ids.addAll(this.store.create(batch, nextSequence(batch)));
		}
		return ids;
	}

	/**
	 * Return the size of the audit tables, their indexes and TOAST included.
	 * @return the bytes, as {@code pg_total_relation_size} counts them
	 */
	public long auditBytes() {
		if (this.auditTables.isEmpty()) {
			return 0;
		}
		long bytes = 0;
		for (String table : this.auditTables) {
			bytes += Objects.requireNonNull(this.jdbc.queryForObject(
					"SELECT pg_total_relation_size(format('%I.%I', ?::text, ?::text)::regclass)", Long.class,
					this.schema, table));
		}
		return bytes;
	}

	/**
	 * Return where PostgreSQL's write-ahead log is being written: the difference of two
	 * positions is the bytes of log written between them, by every session.
	 * @return the position, in bytes
	 */
	public long walPosition() {
		return Objects.requireNonNull(this.jdbc
			.queryForObject("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint", Long.class));
	}

	/**
	 * Return the number of rows in the audit tables.
	 * @return the rows
	 */
	public long auditRows() {
		long rows = 0;
		for (String table : this.auditTables) {
			rows += Objects.requireNonNull(this.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
		}
		return rows;
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Override
	public String toString() {
		return this.variant.id();
	}

}
