package dev.auditlog.spring.changes;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;

import dev.auditlog.annotation.Auditable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One value of every kind whose column stores another form than the Java value.
 */
@Entity
@Auditable(m2mFields = "weights")
public class Reading {

	@Id
	private Long id;

	private Instant takenAt;

	@Column(secondPrecision = 3)
	private Instant takenAtMillis;

	private LocalDateTime localAt;

	private OffsetDateTime offsetAt;

	private ZonedDateTime zonedAt;

	private Timestamp sqlStamp;

	@Temporal(TemporalType.TIMESTAMP)
	@Column(secondPrecision = 0)
	private Calendar calendarAt;

	@Temporal(TemporalType.DATE)
	private Calendar calendarDay;

	@Temporal(TemporalType.TIME)
	private Calendar calendarClock;

	private LocalTime localTime;

	private OffsetTime offsetTime;

	@Temporal(TemporalType.TIMESTAMP)
	private Date legacyStamp;

	@Temporal(TemporalType.DATE)
	private Date legacyDay;

	@Temporal(TemporalType.TIME)
	private Date legacyClock;

	@Column(precision = 12, scale = 2)
	private BigDecimal amount;

	private BigDecimal defaultScale;

	@Column(columnDefinition = "char(5)")
	private String code;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(length = 4)
	private String kind;

	@Convert(converter = LowerCaseOnReadConverter.class)
	private String label;

	@Embedded
	private Window window;

	@ElementCollection
	@CollectionTable(name = "reading_weight", joinColumns = @JoinColumn(name = "reading_id"))
	@Column(name = "weight", precision = 6, scale = 1)
	private List<BigDecimal> weights = new ArrayList<>();

	protected Reading() {
	}

	public Reading(Long id) {
		this.id = id;
	}

	public void setTakenAt(Instant takenAt) {
		this.takenAt = takenAt;
	}

	public void setTakenAtMillis(Instant takenAtMillis) {
		this.takenAtMillis = takenAtMillis;
	}

	public void setLocalAt(LocalDateTime localAt) {
		this.localAt = localAt;
	}

	public void setOffsetAt(OffsetDateTime offsetAt) {
		this.offsetAt = offsetAt;
	}

	public void setZonedAt(ZonedDateTime zonedAt) {
		this.zonedAt = zonedAt;
	}

	public void setSqlStamp(Timestamp sqlStamp) {
		this.sqlStamp = sqlStamp;
	}

	public void setCalendarAt(Calendar calendarAt) {
		this.calendarAt = calendarAt;
	}

	public void setCalendarDay(Calendar calendarDay) {
		this.calendarDay = calendarDay;
	}

	public void setCalendarClock(Calendar calendarClock) {
		this.calendarClock = calendarClock;
	}

	public void setLocalTime(LocalTime localTime) {
		this.localTime = localTime;
	}

	public void setOffsetTime(OffsetTime offsetTime) {
		this.offsetTime = offsetTime;
	}

	public void setLegacyStamp(Date legacyStamp) {
		this.legacyStamp = legacyStamp;
	}

	public void setLegacyDay(Date legacyDay) {
		this.legacyDay = legacyDay;
	}

	public void setLegacyClock(Date legacyClock) {
		this.legacyClock = legacyClock;
	}

	public void setAmount(BigDecimal amount) {
		this.amount = amount;
	}

	public void setDefaultScale(BigDecimal defaultScale) {
		this.defaultScale = defaultScale;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public void setLabel(String label) {
		this.label = label;
	}

	public void setWindow(Window window) {
		this.window = window;
	}

	public List<BigDecimal> getWeights() {
		return this.weights;
	}

	@Override
	public String toString() {
		return "Reading " + this.id;
	}

	/**
	 * An embedded value with a column of limited precision.
	 */
	@Embeddable
	public record Window(@Column(name = "window_opens") LocalTime opens,
			@Column(name = "window_rate", precision = 5, scale = 3) BigDecimal rate) {

	}

}
