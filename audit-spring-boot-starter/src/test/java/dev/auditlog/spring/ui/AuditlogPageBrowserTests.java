package dev.auditlog.spring.ui;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.auditlog.core.Action;
import dev.auditlog.spring.query.LogEntryRows;
import dev.auditlog.spring.testdb.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.auditlog.spring.query.LogEntryRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The browsing page in a real headless Chromium, against a running application that
 * secures the endpoint as the README shows. The endpoint's database behaviour is proven
 * on every database elsewhere; H2 serves here.
 */
@SpringBootTest(classes = UiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.jpa.open-in-view=false",
				"management.endpoints.web.exposure.include=auditlog,auditevents" })
@TestInstance(Lifecycle.PER_CLASS)
class AuditlogPageBrowserTests {

	static final String XSS = "<img src=x onerror=alert(1)>";

	private static final TestDatabase database = TestDatabase.h2("auditlog_ui_browser");

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	GadgetRepository gadgets;

	@Autowired
	TransactionTemplate transactions;

	private Browser browser;

	private LogEntryRows rows;

	private Long gadgetId;

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database.register(registry);
	}

	@BeforeAll
	void entriesAndBrowser() {
		this.rows = new LogEntryRows(this.dataSource);
		this.rows.deleteAll();
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);
		List<LogEntryRows.Row> books = new ArrayList<>();
		for (int i = 1; i <= 57; i++) {
			// three entries share each timestamp: paging must neither skip nor repeat
			// them
			books.add(row(start.plusSeconds(60L * (i / 3)), "Book", String.valueOf(i)).objectId((long) i)
				.actor((i % 2 == 0) ? "alice" : "bob")
				.action((i % 10 == 0) ? Action.DELETE : Action.UPDATE)
				.cid("request-" + (i / 5)));
		}
		this.rows.insert(books);
		this.rows.insert(
				row(start.plusSeconds(7200), "Note", "x1").objectRepr(XSS)
					.actor("mallory")
					.additionalData("{\"reason\": \"<i>cleanup</i>\"}")
					.serializedData("{\"body\": \"<b onmouseover=alert(3)>bold</b>\"}")
					.changes("{\"body\": [\"<script>alert(2)</script>\", \"<b onmouseover=alert(3)>bold</b>\"]}"),
				row(start.plusSeconds(7300), "Product", "4").actor("alice")
					.changes("{\"tags\": {\"type\": \"m2m\", \"operation\": \"add\", \"objects\": [\"organic\"]}}"));
		this.gadgetId = this.transactions
			.execute((status) -> this.gadgets.save(new Gadget("Kettle", new BigDecimal("9.90"), "SUP-1234")).getId());
		this.transactions.executeWithoutResult(
				(status) -> this.gadgets.findById(this.gadgetId).orElseThrow().setUnitPrice(new BigDecimal("10.50")));
		this.browser = Browser.start();
	}

	@AfterAll
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	String baseUrl() {
		return "http://localhost:" + this.port;
	}

	void open(String pathAndQuery) {
		this.browser.get(baseUrl() + pathAndQuery);
		this.browser.ready();
	}

	void asAdmin() {
		this.browser.signIn(baseUrl(), UiApplication.ADMIN, UiApplication.PASSWORD);
	}

	List<Long> shownIds() {
		this.browser.ready();
		return this.browser.all("#entries tbody tr")
			.stream()
			.map((row) -> Long.valueOf(row.getAttribute("data-id")))
			.toList();
	}

	@Test
	void listsEntriesNewestFirstAndPagesOlderAndNewerWithoutGapOrRepeat() {
		asAdmin();
		open("/auditlog?model=Book&size=10");
		List<Long> expected = this.rows.idsNewestFirst("model = 'Book'");
		List<List<Long>> pages = new ArrayList<>();
		pages.add(shownIds());
		while (!this.browser.all("#older").isEmpty()) {
			this.browser.click("#older");
			pages.add(shownIds());
		}
		assertThat(pages).hasSize(6);
		assertThat(pages.stream().flatMap(List::stream).toList()).isEqualTo(expected);
		assertThat(this.browser.driver.getCurrentUrl()).contains("model=Book").contains("before=");
		this.browser.click("#newer");
		assertThat(shownIds()).isEqualTo(pages.get(4));
		this.browser.click("#newer");
		assertThat(shownIds()).isEqualTo(pages.get(3));
		this.browser.driver.navigate().back();
		assertThat(shownIds()).isEqualTo(pages.get(4));
	}

	@Test
	void filtersByModelAndActorFromTheFormAndKeepsThemInTheUrl() {
		asAdmin();
		open("/auditlog");
		assertThat(shownIds()).hasSize(25);
		this.browser.find("#filter-model").sendKeys("Book");
		this.browser.find("#filter-actor").sendKeys("alice");
		this.browser.click("#filter-action-delete");
		this.browser.click("#apply");
		List<Long> ids = shownIds();
		assertThat(ids).isEqualTo(this.rows.idsNewestFirst("model = 'Book' AND actor = 'alice' AND action = 2"));
		assertThat(this.browser.driver.getCurrentUrl()).contains("model=Book")
			.contains("actor=alice")
			.contains("action=DELETE");
		assertThat(this.browser.all("#entries tbody td:nth-child(6)")).extracting(WebElement::getText)
			.containsOnly("alice");
		String bookmark = this.browser.driver.getCurrentUrl();
		open("/auditlog");
		this.browser.get(bookmark);
		assertThat(shownIds()).isEqualTo(ids);
		assertThat(this.browser.find("#filter-actor").getAttribute("value")).isEqualTo("alice");
	}

	@Test
	void opensAnEntryWithTheModelsLabelsAndFollowsItToTheObjectsHistory() {
		asAdmin();
		open("/auditlog?model=Gadget");
		List<Long> ids = shownIds();
		assertThat(ids).hasSize(2);
		this.browser.click("#entries tbody tr:first-child a.entry-link");
		this.browser.ready();
		WebElement changes = this.browser.find("#entry-changes");
		assertThat(changes.getText()).contains("Unit price").contains("9.90").contains("10.50");
		assertThat(this.browser.find("#entry-meta").getText()).contains("Gadget")
			.contains(String.valueOf(this.gadgetId));
		this.browser.click("#to-history");
		this.browser.ready();
		assertThat(this.browser.find("#history-title").getText()).contains("Gadget");
		assertThat(this.browser.all("#timeline > li")).extracting((item) -> Long.valueOf(item.getAttribute("data-id")))
			.isEqualTo(ids);
		assertThat(this.browser.find("#timeline").getText()).contains("Unit price").contains("****");
	}

	@Test
	void showsCollectionChangesAsAddedObjects() {
		asAdmin();
		open("/auditlog?model=Product&objectPk=4&view=history");
		assertThat(this.browser.find("#timeline").getText()).containsIgnoringCase("tags")
			.containsIgnoringCase("added")
			.contains("organic");
	}

	@Test
	void summarizesByActionModelAndActorWithBars() {
		asAdmin();
		open("/auditlog/?view=summary&days=7");
		assertThat(this.browser.find("#summary-total").getText()).startsWith("61 entries");
		assertThat(this.browser.find("#summary-models").getText()).contains("Book\n57");
		assertThat(this.browser.find("#summary-actors").getText()).contains("alice\n29").contains("bob\n29");
		assertThat(this.browser.all("#summary-actions svg rect")).hasSize(4);
		this.browser.find("#filter-actor").sendKeys("alice");
		this.browser.click("#show-summary");
		this.browser.ready();
		assertThat(this.browser.find("#summary-total").getText()).startsWith("29 entries");
		assertThat(this.browser.driver.getCurrentUrl()).contains("actor=alice").contains("days=7");
		this.browser.click("#summary-models a");
		assertThat(shownIds()).hasSize(25);
		assertThat(this.browser.driver.getCurrentUrl()).contains("model=Book");
	}

	@Test
	void showsMarkupInValuesAsText() {
		asAdmin();
		open("/auditlog?model=Note");
		assertThat(this.browser.find("#entries a.object").getText()).isEqualTo(XSS);
		assertThat(this.browser.all("#entries img")).isEmpty();
		this.browser.click("#entries a.entry-link");
		this.browser.ready();
		assertThat(this.browser.find("#entry-title").getText()).contains(XSS);
		assertThat(this.browser.find("#entry-changes").getText()).contains("<script>alert(2)</script>")
			.contains("<b onmouseover=alert(3)>bold</b>");
		assertThat(this.browser.find("#additional-data").getText()).contains("reason").contains("<i>cleanup</i>");
		assertThat(this.browser.find("#serialized-data").getText()).contains("<b onmouseover=alert(3)>bold</b>");
		assertThat(this.browser.all("main img, main script, main b, main i")).isEmpty();
		assertThatExceptionOfType(NoAlertPresentException.class)
			.isThrownBy(() -> this.browser.driver.switchTo().alert());
	}

	@Test
	void tellsAUserWithoutTheRoleThatTheLogIsRefused() {
		this.browser.signIn(baseUrl(), UiApplication.ALICE, UiApplication.PASSWORD);
		open("/auditlog");
		assertThat(this.browser.find("#problem").getText()).contains("not allowed to read the audit log")
			.contains("403");
		assertThat(this.browser.all("#entries")).isEmpty();
	}

	@Test
	void showsTheFilterTheEndpointRefusesAndAnEmptyResult() {
		asAdmin();
		open("/auditlog?model=Book&from=yesterday");
		assertThat(this.browser.find("#problem").getText()).contains("This filter cannot be used")
			.contains("from must be an ISO-8601 instant");
		assertThat(this.browser.find("#filter-from").getAttribute("aria-invalid")).isEqualTo("true");
		open("/auditlog?model=Book&actor=nobody");
		assertThat(this.browser.find("#empty").getText()).isEqualTo("No entries match these filters.");
		open("/auditlog?view=entry&id=999999");
		assertThat(this.browser.find("#problem").getText()).contains("No audit log entry has the id 999999");
	}

	@Test
	void listsSignInsAndFailuresInTheirOwnTab() {
		this.browser.driver.manage().deleteAllCookies();
		this.browser.get(baseUrl() + "/login");
		this.browser.find("#username").sendKeys("mallory");
		this.browser.find("#password").sendKeys("guess");
		this.browser.click("button[type=submit]");
		this.browser.find(".alert, .alert-danger, [role=alert]");
		asAdmin();
		open("/auditlog/?view=events&type=AUTHENTICATION_FAILURE");
		assertThat(this.browser.find("#events").getText()).contains("mallory").contains("AUTHENTICATION_FAILURE");
		open("/auditlog/?view=events&principal=admin");
		assertThat(this.browser.all("#events tbody tr")).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.getText()).contains("admin"));
		assertThat(this.browser.find("#events").getText()).contains("AUTHENTICATION_SUCCESS");
	}

	@Test
	void tellsAUserWhoseSessionEndedToSignInAgain() {
		asAdmin();
		open("/auditlog?model=Book&size=10");
		this.browser.driver.manage().deleteAllCookies();
		this.browser.click("#older");
		assertThat(this.browser.find("#problem").getText()).contains("You are not signed in");
		assertThat(this.browser.all("#entries")).isEmpty();
	}

	@Test
	void pagesWithTheKeyboard() {
		asAdmin();
		open("/auditlog?model=Book&size=10");
		List<Long> first = shownIds();
		this.browser.find("#older").sendKeys(Keys.ENTER);
		List<Long> second = shownIds();
		assertThat(second).hasSize(10).doesNotContainAnyElementsOf(first);
		this.browser.find("#newer").sendKeys(Keys.ENTER);
		assertThat(shownIds()).isEqualTo(first);
		this.browser.find("#entries a.entry-link").sendKeys(Keys.ENTER);
		this.browser.ready();
		assertThat(this.browser.find("#entry-meta").getText()).contains("#" + first.get(0));
	}

	@Test
	void runsWithoutAnErrorInTheBrowserAndSavesAScreenshot() throws Exception {
		asAdmin();
		this.browser.errors();
		open("/auditlog?size=15");
		this.browser.click("#entries a.entry-link");
		this.browser.ready();
		this.browser.click("#to-history");
		this.browser.ready();
		this.browser.click("#nav-summary");
		this.browser.ready();
		this.browser.click("#nav-events");
		this.browser.ready();
		this.browser.click("#nav-log");
		this.browser.ready();
		assertThat(this.browser.errors()).isEmpty();
		// the browser's log does report errors
		this.browser.driver.executeScript("console.error('probe')");
		assertThat(this.browser.errors()).anySatisfy((error) -> assertThat(error).contains("probe"));
		Path screenshot = this.browser.screenshot("auditlog-page.png");
		assertThat(Files.size(screenshot)).isGreaterThan(10_000);
	}

	@Test
	void theScriptsOwnTestsPass() throws Exception {
		asAdmin();
		open("/auditlog");
		String tests = new ClassPathResource("dev/auditlog/spring/ui/state-tests.js")
			.getContentAsString(StandardCharsets.UTF_8);
		Object result = this.browser.driver
			.executeAsyncScript(
					"const done = arguments[arguments.length - 1];" + "import(arguments[0]).then(async (state) => {"
							+ tests + "}).then(done, (e) => done(['failed: ' + e]));",
					baseUrl() + "/auditlog/assets/state.js");
		assertThat(result).asList().isEmpty();
	}

	@Test
	void servesThePageWithAStrictContentSecurityPolicy() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((UiApplication.ADMIN + ":" + UiApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
		for (String path : List.of("/auditlog", "/auditlog/", "/auditlog/assets/app.js",
				"/auditlog/assets/auditlog.css")) {
			HttpResponse<String> response = client.send(
					HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", basic).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).contains("script-src 'self'")
					.contains("default-src 'none'")
					.doesNotContain("unsafe"));
		}
		HttpResponse<String> page = client.send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/auditlog")).header("Authorization", basic).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.body()).contains("content=\"/actuator/auditlog\"").doesNotContain("{{");
		HttpResponse<String> script = client
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/auditlog/assets/app.js"))
				.header("Authorization", basic)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(Map.of("type", type)).extractingByKey("type").asString().contains("javascript"));
	}

}
