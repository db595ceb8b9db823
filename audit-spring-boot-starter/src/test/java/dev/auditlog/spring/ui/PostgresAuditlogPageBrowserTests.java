package dev.auditlog.spring.ui;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.auditlog.spring.query.LogEntryRows;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.auditlog.spring.query.LogEntryRows.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log view of the page on PostgreSQL: filtered by actor and paged to the end and back
 * in the browser, the page shows every entry once, in the database's newest-first order.
 */
@SpringBootTest(classes = UiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"management.endpoints.web.exposure.include=auditlog" })
@TestInstance(Lifecycle.PER_CLASS)
class PostgresAuditlogPageBrowserTests {

	private static TestDatabase database;

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	private Browser browser;

	private LogEntryRows rows;

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database = TestDatabase.postgres("auditlog_ui_browser");
		database.register(registry);
	}

	@BeforeAll
	void entriesAndBrowser() {
		this.rows = new LogEntryRows(this.dataSource);
		this.rows.deleteAll();
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.DAYS);
		List<LogEntryRows.Row> books = new ArrayList<>();
		for (int i = 1; i <= 23; i++) {
			books.add(row(start.plusSeconds(60L * (i / 4)), "Book", String.valueOf(i))
				.actor((i % 3 == 0) ? "carol" : "dave"));
		}
		this.rows.insert(books);
		this.browser = Browser.start();
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	List<Long> shownIds() {
		this.browser.ready();
		return this.browser.all("#entries tbody tr")
			.stream()
			.map((row) -> Long.valueOf(row.getAttribute("data-id")))
			.toList();
	}

	@Test
	void pagesAnActorsEntriesToTheEndAndBackWithoutGapOrRepeat() {
		String base = "http://localhost:" + this.port;
		this.browser.signIn(base, UiApplication.ADMIN, UiApplication.PASSWORD);
		this.browser.get(base + "/auditlog?model=Book&actor=dave&size=4");
		List<List<Long>> pages = new ArrayList<>();
		pages.add(shownIds());
		while (!this.browser.all("#older").isEmpty()) {
			this.browser.click("#older");
			pages.add(shownIds());
		}
		assertThat(pages.stream().flatMap(List::stream).toList())
			.isEqualTo(this.rows.idsNewestFirst("model = 'Book' AND actor = 'dave'"));
		for (int page = pages.size() - 2; page >= 0; page--) {
			this.browser.click("#newer");
			assertThat(shownIds()).isEqualTo(pages.get(page));
		}
		assertThat(this.browser.all("#newer")).isEmpty();
	}

}
