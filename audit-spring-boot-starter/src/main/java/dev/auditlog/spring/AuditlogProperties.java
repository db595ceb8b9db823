package dev.auditlog.spring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.auditlog.core.Action;
import dev.auditlog.core.DisplayRules;
import dev.auditlog.core.FkRepresentation;
import dev.auditlog.diff.ModelOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;

/**
 * Configuration of the audit log, under {@code auditlog}.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("auditlog")
public class AuditlogProperties {

	/**
	 * Whether to log changes of audited entities.
	 */
	private boolean enabled = true;

	/**
	 * Whether to audit every entity that is not listed in exclude-models.
	 */
	private boolean includeAllModels;

	/**
	 * Entities not audited when include-all-models is set: entity names, class names or
	 * package prefixes.
	 */
	private List<String> excludeModels = new ArrayList<>();

	/**
	 * Fields never logged on any model, such as createdAt or version.
	 */
	private List<String> excludeTrackingFields = new ArrayList<>();

	/**
	 * Audited models by entity name or class name, with their options. A model listed
	 * here is audited; its options win over those of its annotations.
	 */
	private Map<String, Model> models = new LinkedHashMap<>();

	/**
	 * Whether several changes of one object in one transaction are written as one entry
	 * holding the net change. When off, each flush of a change writes its own entry.
	 */
	private boolean squash = true;

	/**
	 * Number of pending entries of one transaction from which they are written at the
	 * next flush, inside the transaction, rather than all at its commit: keeps the memory
	 * of a long batch job that flushes and clears bounded. An object whose entry was
	 * written that way gets later entries of its own rather than one net entry. 0 writes
	 * everything at the commit.
	 */
	private int writeChunkSize = 1000;

	/**
	 * What to do when writing the entries of a transaction fails.
	 */
	private OnError onError = OnError.FAIL;

	/**
	 * Number of characters after which changesDisplay cuts a value with an ellipsis; 0
	 * shows values empty, a negative number never cuts.
	 */
	private int displayMaxLength = DisplayRules.DEFAULT_MAX_LENGTH;

	/**
	 * Number of characters (UTF-16 code units) after which a value in changes, serialized
	 * data or additional data is cut, ending with a marker of its full length and the
	 * start of its SHA-256 digest, so that entries of huge values stay writable and two
	 * different values never look the same. At least 64.
	 */
	private int maxValueLength = 65_536;

	/**
	 * Whether to leave the client address out of entries.
	 */
	private boolean disableRemoteAddr;

	private final Schema schema = new Schema();

	private final Web web = new Web();

	private final Cid cid = new Cid();

	private final Endpoint endpoint = new Endpoint();

	private final Retention retention = new Retention();

	private final Events events = new Events();

	private final Tenant tenant = new Tenant();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isIncludeAllModels() {
		return this.includeAllModels;
	}

	public void setIncludeAllModels(boolean includeAllModels) {
		this.includeAllModels = includeAllModels;
	}

	public List<String> getExcludeModels() {
		return this.excludeModels;
	}

	public void setExcludeModels(List<String> excludeModels) {
		this.excludeModels = excludeModels;
	}

	public List<String> getExcludeTrackingFields() {
		return this.excludeTrackingFields;
	}

	public void setExcludeTrackingFields(List<String> excludeTrackingFields) {
		this.excludeTrackingFields = excludeTrackingFields;
	}

	public Map<String, Model> getModels() {
		return this.models;
	}

	public void setModels(Map<String, Model> models) {
		this.models = models;
	}

	public boolean isSquash() {
		return this.squash;
	}

	public void setSquash(boolean squash) {
		this.squash = squash;
	}

	public int getWriteChunkSize() {
		return this.writeChunkSize;
	}

	public void setWriteChunkSize(int writeChunkSize) {
		this.writeChunkSize = writeChunkSize;
	}

	public OnError getOnError() {
		return this.onError;
	}

	public void setOnError(OnError onError) {
		this.onError = onError;
	}

	public int getDisplayMaxLength() {
		return this.displayMaxLength;
	}

	public void setDisplayMaxLength(int displayMaxLength) {
		this.displayMaxLength = displayMaxLength;
	}

	public int getMaxValueLength() {
		return this.maxValueLength;
	}

	public void setMaxValueLength(int maxValueLength) {
		if (maxValueLength < 64) {
			throw new IllegalArgumentException(
					"auditlog.max-value-length must be at least 64 but was " + maxValueLength);
		}
		this.maxValueLength = maxValueLength;
	}

	public boolean isDisableRemoteAddr() {
		return this.disableRemoteAddr;
	}

	public void setDisableRemoteAddr(boolean disableRemoteAddr) {
		this.disableRemoteAddr = disableRemoteAddr;
	}

	public Schema getSchema() {
		return this.schema;
	}

	public Web getWeb() {
		return this.web;
	}

	public Cid getCid() {
		return this.cid;
	}

	public Endpoint getEndpoint() {
		return this.endpoint;
	}

	public Retention getRetention() {
		return this.retention;
	}

	public Events getEvents() {
		return this.events;
	}

	public Tenant getTenant() {
		return this.tenant;
	}

	/**
	 * What to do when writing the entries of a transaction fails.
	 */
	public enum OnError {

		/**
		 * Fail the transaction: the change is rolled back with its entries.
		 */
		FAIL,

		/**
		 * Log the error and let the transaction commit without its entries.
		 */
		LOG

	}

	/**
	 * The audit log's own tables.
	 */
	public static class Schema {

		/**
		 * Whether to create and upgrade the audit tables at startup, with their own
		 * Flyway history table (auditlog_schema_history). Turn off to apply the shipped
		 * SQL yourself.
		 */
		private boolean migrate = true;

		/**
		 * How auditlog_logentry is partitioned: 'none', or 'monthly' for a table
		 * partitioned by month of timestamp (PostgreSQL only), whose partitions are
		 * created ahead at startup and daily, and which retention drops whole.
		 */
		private Partitioning partitioning = Partitioning.NONE;

		/**
		 * Number of months after the current one for which partitions are created ahead
		 * (with monthly partitioning), from 1 to 120.
		 */
		private int partitionsAhead = 2;

		public boolean isMigrate() {
			return this.migrate;
		}

		public void setMigrate(boolean migrate) {
			this.migrate = migrate;
		}

		public Partitioning getPartitioning() {
			return this.partitioning;
		}

		public void setPartitioning(Partitioning partitioning) {
			this.partitioning = partitioning;
		}

		public int getPartitionsAhead() {
			return this.partitionsAhead;
		}

		public void setPartitionsAhead(int partitionsAhead) {
			this.partitionsAhead = partitionsAhead;
		}

	}

	/**
	 * How {@code auditlog_logentry} is partitioned.
	 */
	public enum Partitioning {

		/**
		 * One plain table.
		 */
		NONE,

		/**
		 * A table partitioned by range of {@code timestamp}, one partition per calendar
		 * month in UTC (PostgreSQL only).
		 */
		MONTHLY

	}

	/**
	 * Hibernate multi-tenancy.
	 */
	public static class Tenant {

		/**
		 * Whether reads of the audit log (the AuditLog API, the endpoint and the page)
		 * are restricted to the entries of the current tenant, as Hibernate's
		 * CurrentTenantIdentifierResolver (or a TenantReadRestriction bean) gives it; a
		 * root tenant reads every tenant's entries.
		 */
		private boolean restrictReads;

		public boolean isRestrictReads() {
			return this.restrictReads;
		}

		public void setRestrictReads(boolean restrictReads) {
			this.restrictReads = restrictReads;
		}

	}

	/**
	 * The request filter that binds each request's client address and correlation id.
	 */
	public static class Web {

		/**
		 * Whether to bind the client address and correlation id of each servlet request
		 * to the entries it causes.
		 */
		private boolean enabled = true;

		/**
		 * Whether to add the request's User-Agent header to the additional data of
		 * entries.
		 */
		private boolean userAgent;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isUserAgent() {
			return this.userAgent;
		}

		public void setUserAgent(boolean userAgent) {
			this.userAgent = userAgent;
		}

	}

	/**
	 * The correlation id shared by every entry of one request.
	 */
	public static class Cid {

		/**
		 * Request and response header carrying the correlation id.
		 */
		private String header = "X-Correlation-ID";

		/**
		 * Name of a bean implementing CorrelationIdProvider that supplies the correlation
		 * id instead of the header.
		 */
		private @Nullable String getter;

		public String getHeader() {
			return this.header;
		}

		public void setHeader(String header) {
			this.header = header;
		}

		public @Nullable String getGetter() {
			return this.getter;
		}

		public void setGetter(@Nullable String getter) {
			this.getter = getter;
		}

	}

	/**
	 * The auditlog actuator endpoint.
	 */
	public static class Endpoint {

		/**
		 * Whether the endpoint offers DELETE to flush old entries.
		 */
		private boolean flushEnabled;

		@Deprecated(since = "0.1.0", forRemoval = true)
		@DeprecatedConfigurationProperty(replacement = "management.endpoint.auditlog.access",
				reason = "The endpoint's access decides, as for Spring Boot's own endpoints: unrestricted offers DELETE",
				since = "0.1.0")
		public boolean isFlushEnabled() {
			return this.flushEnabled;
		}

		public void setFlushEnabled(boolean flushEnabled) {
			this.flushEnabled = flushEnabled;
		}

	}

	/**
	 * Authentication and authorization events in the auditlog_event table.
	 */
	public static class Events {

		/**
		 * Whether to store Spring Boot's audit events (logins, failures, denials,
		 * logouts) in the auditlog_event table.
		 */
		private boolean enabled = true;

		/**
		 * Whether to record requests that end in an uncaught exception or a 5xx status as
		 * REQUEST_ERROR events.
		 */
		private boolean requestErrors = true;

		/**
		 * Duration above which a request is recorded as a SLOW_REQUEST event; unset
		 * records none.
		 */
		private @Nullable Duration slowRequestThreshold;

		/**
		 * Which successful authentications are recorded as AUTHENTICATION_SUCCESS events:
		 * interactive sign-ins only (form, OAuth2 login, remember-me, pre-authenticated),
		 * every authentication including each HTTP Basic or bearer-token request, or
		 * none. Failures are always recorded.
		 */
		private AuthenticationSuccess authenticationSuccess = AuthenticationSuccess.INTERACTIVE;

		/**
		 * Which denied requests are recorded as AUTHORIZATION_FAILURE events: those of
		 * authenticated users, every one including requests without credentials (Spring
		 * Boot's behaviour), or none.
		 */
		private AuthorizationFailure authorizationFailure = AuthorizationFailure.AUTHENTICATED;

		private final SuspiciousRequests suspiciousRequests = new SuspiciousRequests();

		public AuthorizationFailure getAuthorizationFailure() {
			return this.authorizationFailure;
		}

		public void setAuthorizationFailure(AuthorizationFailure authorizationFailure) {
			this.authorizationFailure = authorizationFailure;
		}

		private final LoginBurst loginBurst = new LoginBurst();

		public SuspiciousRequests getSuspiciousRequests() {
			return this.suspiciousRequests;
		}

		public LoginBurst getLoginBurst() {
			return this.loginBurst;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public AuthenticationSuccess getAuthenticationSuccess() {
			return this.authenticationSuccess;
		}

		public void setAuthenticationSuccess(AuthenticationSuccess authenticationSuccess) {
			this.authenticationSuccess = authenticationSuccess;
		}

		public boolean isRequestErrors() {
			return this.requestErrors;
		}

		public void setRequestErrors(boolean requestErrors) {
			this.requestErrors = requestErrors;
		}

		public @Nullable Duration getSlowRequestThreshold() {
			return this.slowRequestThreshold;
		}

		public void setSlowRequestThreshold(@Nullable Duration slowRequestThreshold) {
			this.slowRequestThreshold = slowRequestThreshold;
		}

	}

	/**
	 * Suspicious-request monitoring: requests matching a rule are recorded as
	 * SUSPICIOUS_REQUEST events.
	 *
	 * @since 0.1.0
	 */
	public static class SuspiciousRequests {

		/**
		 * Whether to inspect each request and record those matching a rule as
		 * SUSPICIOUS_REQUEST events.
		 */
		private boolean enabled;

		/**
		 * Built-in rules applied: path-traversal, sql-injection, script-injection,
		 * scanner-user-agent and long-url. Rules defined as SuspiciousRequestRule beans
		 * are applied as well.
		 */
		private Set<String> rules = new LinkedHashSet<>(
				List.of("path-traversal", "sql-injection", "script-injection", "scanner-user-agent", "long-url"));

		/**
		 * Number of characters of path and query above which the long-url rule matches.
		 */
		private int maxUrlLength = 2048;

		/**
		 * Number of SUSPICIOUS_REQUEST events recorded per client address and minute;
		 * further matches in that minute are counted and reported with the next event.
		 */
		private int maxEventsPerMinute = 10;

		/**
		 * Number of client addresses whose event counts are kept in memory; the least
		 * recently seen are forgotten first.
		 */
		private int maxTrackedAddresses = 10_000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Set<String> getRules() {
			return this.rules;
		}

		public void setRules(Set<String> rules) {
			this.rules = rules;
		}

		public int getMaxUrlLength() {
			return this.maxUrlLength;
		}

		public void setMaxUrlLength(int maxUrlLength) {
			this.maxUrlLength = maxUrlLength;
		}

		public int getMaxEventsPerMinute() {
			return this.maxEventsPerMinute;
		}

		public void setMaxEventsPerMinute(int maxEventsPerMinute) {
			this.maxEventsPerMinute = maxEventsPerMinute;
		}

		public int getMaxTrackedAddresses() {
			return this.maxTrackedAddresses;
		}

		public void setMaxTrackedAddresses(int maxTrackedAddresses) {
			this.maxTrackedAddresses = maxTrackedAddresses;
		}

	}

	/**
	 * Login-burst detection: authentication failures counted per client address and per
	 * username in a sliding window.
	 *
	 * @since 0.1.0
	 */
	public static class LoginBurst {

		/**
		 * Whether to record a LOGIN_BURST event when the authentication failures of one
		 * client address or one username reach max-failures within the window.
		 */
		private boolean enabled;

		/**
		 * Number of authentication failures within the window that make a burst.
		 */
		private int maxFailures = 10;

		/**
		 * Sliding window in which failures are counted.
		 */
		private Duration window = Duration.ofMinutes(1);

		/**
		 * How long further sign-in attempts of a client address or username in a burst
		 * are refused with 429 Too Many Requests; unset refuses none and only records.
		 */
		private @Nullable Duration coolDown;

		/**
		 * Paths whose POST requests are sign-in attempts (form login), besides every
		 * request carrying an Authorization header.
		 */
		private Set<String> loginPaths = new LinkedHashSet<>(List.of("/login"));

		/**
		 * Request parameter holding the username of a form sign-in.
		 */
		private String usernameParameter = "username";

		/**
		 * Number of client addresses and of usernames whose failures are kept in memory;
		 * the least recently seen are forgotten first.
		 */
		private int maxTracked = 10_000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxFailures() {
			return this.maxFailures;
		}

		public void setMaxFailures(int maxFailures) {
			this.maxFailures = maxFailures;
		}

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public @Nullable Duration getCoolDown() {
			return this.coolDown;
		}

		public void setCoolDown(@Nullable Duration coolDown) {
			this.coolDown = coolDown;
		}

		public Set<String> getLoginPaths() {
			return this.loginPaths;
		}

		public void setLoginPaths(Set<String> loginPaths) {
			this.loginPaths = loginPaths;
		}

		public String getUsernameParameter() {
			return this.usernameParameter;
		}

		public void setUsernameParameter(String usernameParameter) {
			this.usernameParameter = usernameParameter;
		}

		public int getMaxTracked() {
			return this.maxTracked;
		}

		public void setMaxTracked(int maxTracked) {
			this.maxTracked = maxTracked;
		}

	}

	/**
	 * Which denied requests are recorded as events.
	 *
	 * @since 0.1.0
	 */
	public enum AuthorizationFailure {

		/**
		 * Denials of authenticated users only; a request without credentials is denied
		 * and asked to sign in, which is not recorded.
		 */
		AUTHENTICATED,

		/**
		 * Every denial, including each request without credentials, as Spring Boot
		 * records them.
		 */
		ALL,

		/**
		 * No denial.
		 */
		NONE

	}

	/**
	 * Which successful authentications are recorded as events.
	 *
	 * @since 0.1.0
	 */
	public enum AuthenticationSuccess {

		/**
		 * Sign-ins that start a session: those for which Spring Security publishes an
		 * {@code InteractiveAuthenticationSuccessEvent} (form login, OAuth2 and SAML
		 * login, one-time tokens, remember-me, pre-authentication).
		 */
		INTERACTIVE,

		/**
		 * Every authentication, including each request authenticated by HTTP Basic or a
		 * bearer token, as Spring Boot records them.
		 */
		ALL,

		/**
		 * No successful authentication.
		 */
		NONE

	}

	/**
	 * Deleting old entries on a schedule.
	 */
	public static class Retention {

		/**
		 * Age after which entries are deleted; unset keeps them forever.
		 */
		private @Nullable Duration maxAge;

		/**
		 * Cron expression of when old entries are deleted.
		 */
		private String cron = "0 30 3 * * *";

		/**
		 * Number of entries deleted per statement, each in its own transaction.
		 */
		private int batchSize = 10_000;

		public @Nullable Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(@Nullable Duration maxAge) {
			this.maxAge = maxAge;
		}

		public String getCron() {
			return this.cron;
		}

		public void setCron(String cron) {
			this.cron = cron;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

	}

	/**
	 * The options of one audited model; unset options keep the annotation's value.
	 */
	public static class Model {

		/**
		 * Only these fields are diffed and logged.
		 */
		private @Nullable Set<String> includeFields;

		/**
		 * Fields never diffed or logged; wins over include-fields. Added to those the
		 * code excludes. Also fields of the elements of an element collection
		 * (cards.securityCode) and paths inside a JSON document (metadata.internal).
		 */
		private @Nullable Set<String> excludeFields;

		/**
		 * Fields logged masked: the first half of the value replaced by '*'. Added to
		 * those the code masks. Also fields of the elements of an element collection
		 * (cards.number) and paths inside a JSON document (metadata.secret).
		 */
		private @Nullable Set<String> maskFields;

		/**
		 * Field name to the label shown in changesDisplay.
		 */
		private @Nullable Map<String, String> mappingFields;

		/**
		 * Collection fields whose additions and removals are logged.
		 */
		private @Nullable Set<String> m2mFields;

		/**
		 * Actions logged for this model.
		 */
		private @Nullable Set<Action> actions;

		/**
		 * Whether to also store the object's state after the change.
		 */
		private @Nullable Boolean serializeData;

		/**
		 * Limit the stored state to these fields.
		 */
		private @Nullable Set<String> serializeFields;

		/**
		 * Whether to limit the stored state to the diffed fields.
		 */
		private @Nullable Boolean serializeAuditlogFieldsOnly;

		/**
		 * How a change of a to-one association is written: the target's id or its
		 * toString().
		 */
		private @Nullable FkRepresentation fkRepresentation;

		/**
		 * Whether AuditLog.revert and AuditLog.restore may undo changes of this model
		 * through JPA. Never exposed over HTTP.
		 */
		private Boolean revertible = false;

		public @Nullable Set<String> getIncludeFields() {
			return this.includeFields;
		}

		public void setIncludeFields(@Nullable Set<String> includeFields) {
			this.includeFields = includeFields;
		}

		public @Nullable Set<String> getExcludeFields() {
			return this.excludeFields;
		}

		public void setExcludeFields(@Nullable Set<String> excludeFields) {
			this.excludeFields = excludeFields;
		}

		public @Nullable Set<String> getMaskFields() {
			return this.maskFields;
		}

		public void setMaskFields(@Nullable Set<String> maskFields) {
			this.maskFields = maskFields;
		}

		public @Nullable Map<String, String> getMappingFields() {
			return this.mappingFields;
		}

		public void setMappingFields(@Nullable Map<String, String> mappingFields) {
			this.mappingFields = mappingFields;
		}

		public @Nullable Set<String> getM2mFields() {
			return this.m2mFields;
		}

		public void setM2mFields(@Nullable Set<String> m2mFields) {
			this.m2mFields = m2mFields;
		}

		public @Nullable Set<Action> getActions() {
			return this.actions;
		}

		public void setActions(@Nullable Set<Action> actions) {
			this.actions = actions;
		}

		public @Nullable Boolean getSerializeData() {
			return this.serializeData;
		}

		public void setSerializeData(@Nullable Boolean serializeData) {
			this.serializeData = serializeData;
		}

		public @Nullable Set<String> getSerializeFields() {
			return this.serializeFields;
		}

		public void setSerializeFields(@Nullable Set<String> serializeFields) {
			this.serializeFields = serializeFields;
		}

		public @Nullable Boolean getSerializeAuditlogFieldsOnly() {
			return this.serializeAuditlogFieldsOnly;
		}

		public void setSerializeAuditlogFieldsOnly(@Nullable Boolean serializeAuditlogFieldsOnly) {
			this.serializeAuditlogFieldsOnly = serializeAuditlogFieldsOnly;
		}

		public @Nullable FkRepresentation getFkRepresentation() {
			return this.fkRepresentation;
		}

		public void setFkRepresentation(@Nullable FkRepresentation fkRepresentation) {
			this.fkRepresentation = fkRepresentation;
		}

		public Boolean getRevertible() {
			return this.revertible;
		}

		public void setRevertible(Boolean revertible) {
			this.revertible = revertible;
		}

		/**
		 * Return these options as the diff engine takes them.
		 * @return the options; unset ones are {@code null}
		 */
		public ModelOptions toOptions() {
			return new ModelOptions(copy(this.includeFields), copy(this.excludeFields), copy(this.maskFields),
					(this.mappingFields != null) ? new LinkedHashMap<>(this.mappingFields) : null, copy(this.m2mFields),
					(this.actions != null) ? new LinkedHashSet<>(this.actions) : null, this.serializeData,
					copy(this.serializeFields), this.serializeAuditlogFieldsOnly, this.fkRepresentation);
		}

		private static @Nullable Set<String> copy(@Nullable Set<String> names) {
			return (names != null) ? new LinkedHashSet<>(names) : null;
		}

	}

}
