package dev.auditlog.spring.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import dev.auditlog.spring.testdb.TestDatabase;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless Chromium driven through {@code /usr/bin/chromedriver}; Selenium
 * Manager never runs because the driver and the browser are named. Without them the test
 * is skipped, unless {@code AUDITLOG_TEST_REQUIRE_DB=true} (as in CI): then it fails.
 */
final class Browser implements AutoCloseable {

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	static final String CHROMIUM = "/usr/bin/chromium";

	private static final Logger logger = LoggerFactory.getLogger(Browser.class);

	private static final Duration WAIT = Duration.ofSeconds(15);

	final ChromeDriver driver;

	private final ChromeDriverService service;

	private final Path profile;

	private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
		this.service = service;
		this.driver = driver;
		this.profile = profile;
	}

	static Browser start() {
		if (!CHROMEDRIVER.canExecute() || !new File(CHROMIUM).canExecute()) {
			String message = "Chromium and its driver are missing (apt-get install chromium chromium-driver)";
			TestDatabase.unavailable(message);
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("auditlog-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--window-size=1280,900", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().window().setSize(new Dimension(1280, 900));
		driver.manage().timeouts().scriptTimeout(WAIT);
		return new Browser(service, driver, profile);
	}

	void get(String url) {
		this.driver.get(url);
	}

	/** Wait until the page has rendered its current view. */
	void ready() {
		new WebDriverWait(this.driver, WAIT)
			.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "ready"));
	}

	WebElement find(String css) {
		return new WebDriverWait(this.driver, WAIT)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
	}

	List<WebElement> all(String css) {
		return this.driver.findElements(By.cssSelector(css));
	}

	void click(String css) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)))
			.click();
	}

	void signIn(String baseUrl, String user, String password) {
		this.driver.manage().deleteAllCookies();
		get(baseUrl + "/login");
		find("#username").sendKeys(user);
		find("#password").sendKeys(password);
		click("button[type=submit]");
		new WebDriverWait(this.driver, WAIT).until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	/**
	 * Return the errors the browser reported since the last call: script errors, refused
	 * Content-Security-Policy, failed loads.
	 */
	List<String> errors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	Path screenshot(String name) {
		Path target = Path.of("target", "screenshots", name);
		try {
			Files.createDirectories(target.getParent());
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		logger.info("Screenshot of the audit log page: {}", target.toAbsolutePath());
		return target;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				logger.debug("The browser profile {} stays", this.profile, ex);
			}
		}
	}

}
