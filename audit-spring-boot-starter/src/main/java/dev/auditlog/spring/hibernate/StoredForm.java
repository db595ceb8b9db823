package dev.auditlog.spring.hibernate;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.Calendar;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.auditlog.annotation.AuditJavaValue;
import dev.auditlog.spring.InvalidAuditConfigurationException;
import jakarta.persistence.Column;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.metamodel.mapping.SqlTypedMapping;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.TimeUtcAsJdbcTimeJdbcType;
import org.hibernate.type.spi.TypeConfiguration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a value of one basic attribute to the form its column stores, so that the log
 * shows what the database holds and writing back an unchanged value is no change. Built
 * once per attribute at startup from Hibernate's mapping of the column and the dialect:
 * <ul>
 * <li>an {@code AttributeConverter} ({@code @Convert} or auto-applied): the column value
 * the converter makes, so the log holds no more than the database does and a Java value
 * the column stores as it already holds is no change; when the converter makes a
 * different column value for the same Java value each time (an encrypting converter with
 * a random IV), a {@link ConcealedValue} compared by the Java value after a round trip
 * and logged as a note; with {@code @AuditJavaValue}, and for Hibernate's own converters,
 * the Java value after a round trip through the column and back;</li>
 * <li>fractional seconds beyond the column's precision ({@code timestamp(6)},
 * {@code time(0)}, {@code @Column(secondPrecision = 3)}): rounded half up on PostgreSQL,
 * H2, MySQL and the others, truncated on MariaDB, which is what each stores (and cut to
 * whole seconds where Hibernate binds the value through {@code java.sql.Time}, as an
 * {@code OffsetTime} on PostgreSQL);</li>
 * <li>{@code java.util.Date}, {@code Calendar} and {@code java.sql.Timestamp}: of a
 * timestamp column as an {@link Instant}, of a date column as a {@link LocalDate}, of a
 * time column as a {@link LocalTime} (a {@code Date} in the JVM's time zone, a
 * {@code Calendar} in its own, as Hibernate binds them); a {@code Calendar} in a
 * timestamp column without time zone keeps its wall time, read back in the JVM's time
 * zone;</li>
 * <li>decimals beyond the column's scale ({@code numeric(12,2)}, and Hibernate's default
 * {@code numeric(38,2)}): rounded half up, as all three databases do;</li>
 * <li>text of a fixed-length {@code char(n)} column: padded with spaces to {@code n} on
 * PostgreSQL, H2 and the others, trailing spaces removed on MariaDB and MySQL, which is
 * what each returns.</li>
 * </ul>
 * A value the rules cannot handle is kept as it is: the audit log never fails a write
 * over it.
 */
final class StoredForm {

	private static final Logger logger = LoggerFactory.getLogger(StoredForm.class);

	private static final Pattern LENGTH = Pattern.compile("\\(\\s*(\\d{1,9})");

	private static final Pattern TRAILING_SPACES = Pattern.compile(" +$");

	private final String attribute;

	private final @Nullable BasicValueConverter<Object, Object> converter;

	private final UnaryOperator<Object> column;

	private final boolean columnValue;

	private volatile boolean newValueEachTime;

	// the first value decides: a converter with a random IV gives two column values for
	// it, a deterministic one the same, and later values are then converted once
	private volatile boolean sameValueEachTime;

	private StoredForm(String attribute, @Nullable BasicValueConverter<Object, Object> converter,
			UnaryOperator<Object> column, boolean columnValue) {
		this.attribute = attribute;
		this.converter = converter;
		this.column = column;
		this.columnValue = columnValue;
	}

	/**
	 * Return the stored form of the given column mapping, or {@code null} when values of
	 * the column are stored as they are.
	 * @param attribute the attribute's path, for messages
	 * @param mapping Hibernate's mapping of the column
	 * @param member the Java field or getter of the attribute, for
	 * {@code @Column(columnDefinition)}, if known
	 * @param dialect the dialect of the session factory
	 * @param types the type configuration of the session factory
	 * @return the stored form, or {@code null}
	 * @throws InvalidAuditConfigurationException if the member carries
	 * {@code @AuditJavaValue} but the attribute has no {@code AttributeConverter}
	 */
	@SuppressWarnings("unchecked")
	static @Nullable StoredForm of(String attribute, SqlTypedMapping mapping, @Nullable Member member, Dialect dialect,
			TypeConfiguration types) {
		boolean javaValue = isAnnotated(member, AuditJavaValue.class);
		JdbcMapping jdbcMapping = mapping.getJdbcMapping();
		JdbcType jdbcType = jdbcMapping.getJdbcType();
		Size size = dialect.getSizeStrategy()
			.resolveSize(jdbcType, jdbcMapping.getJdbcJavaType(),
					(mapping.getTemporalPrecision() != null) ? mapping.getTemporalPrecision() : mapping.getPrecision(),
					mapping.getScale(), mapping.getLength());
		// measured: MariaDB truncates fractional seconds (unless sql_mode has
		// TIME_ROUND_FRACTIONAL), MySQL, PostgreSQL and H2 round them
		boolean truncates = dialect instanceof MariaDBDialect;
		UnaryOperator<Object> column = switch (jdbcType.getDdlTypeCode()) {
			case SqlTypes.TIMESTAMP -> timestamp(precisionOf(size, 6), truncates, true);
			case SqlTypes.TIMESTAMP_WITH_TIMEZONE, SqlTypes.TIMESTAMP_UTC ->
				timestamp(precisionOf(size, 6), truncates, false);
			// Hibernate binds this one through java.sql.Time, which has no fraction
			case SqlTypes.TIME, SqlTypes.TIME_WITH_TIMEZONE, SqlTypes.TIME_UTC ->
				(jdbcType instanceof TimeUtcAsJdbcTimeJdbcType) ? time(0, true) : time(precisionOf(size, 0), truncates);
			case SqlTypes.DATE -> StoredForm::date;
			case SqlTypes.NUMERIC, SqlTypes.DECIMAL -> decimal(size.getScale());
			default -> null;
		};
		String fixedLengthType = (column == null) ? fixedLengthType(jdbcType, size, member, types) : null;
		if (fixedLengthType != null) {
			// MySQL and MariaDB return char(n) without trailing spaces (unless sql_mode
			// has PAD_CHAR_TO_FULL_LENGTH); the others pad it to n
			column = fixedLength(fixedLengthType, dialect instanceof MySQLDialect);
		}
		BasicValueConverter<Object, Object> converter = (BasicValueConverter<Object, Object>) jdbcMapping
			.getValueConverter();
		boolean attributeConverter = converter instanceof JpaAttributeConverter;
		if (javaValue && !attributeConverter) {
			throw new InvalidAuditConfigurationException("@AuditJavaValue on '" + attribute
					+ "' cannot take effect: the attribute has no AttributeConverter, so its Java value is what "
					+ "is logged already");
		}
		if (column == null && converter == null) {
			return null;
		}
		return new StoredForm(attribute, converter, (column != null) ? column : UnaryOperator.identity(),
				attributeConverter && !javaValue);
	}

	/**
	 * Return the value as its column stores it.
	 * @param value the value as the application holds it, or as Hibernate loaded it
	 * @return the stored form, or the value itself when it cannot be brought to it
	 */
	@Nullable Object apply(@Nullable Object value) {
		if (value == null) {
			return null;
		}
		try {
			BasicValueConverter<Object, Object> converter = this.converter;
			if (converter == null) {
				return this.column.apply(value);
			}
			Object relational = converter.toRelationalValue(value);
			if (!this.columnValue) {
				return (relational != null) ? converter.toDomainValue(this.column.apply(relational)) : value;
			}
			if (relational == null) {
				return null;
			}
			Object stored = this.column.apply(relational);
			if (!this.newValueEachTime && !this.sameValueEachTime) {
				if (Objects.deepEquals(relational, converter.toRelationalValue(value))) {
					this.sameValueEachTime = true;
				}
				else {
					this.newValueEachTime = true;
					logger.debug("The converter of {} writes a new column value each time: its values are logged as "
							+ "a note", this.attribute);
				}
			}
			if (this.newValueEachTime) {
				Object domain = converter.toDomainValue(stored);
				return new ConcealedValue((domain != null) ? domain : value);
			}
			return stored;
		}
		catch (RuntimeException ex) {
			logger.debug("Could not bring a value of {} to its stored form; logging it as it is", this.attribute, ex);
			return value;
		}
	}

	private static boolean isAnnotated(@Nullable Member member, Class<? extends Annotation> annotation) {
		if (!(member instanceof AnnotatedElement element)) {
			return false;
		}
		if (element.isAnnotationPresent(annotation)) {
			return true;
		}
		if (member instanceof Method method) {
			String name = method.getName().replaceFirst("^(get|is)", "");
			if (name.isEmpty()) {
				return false;
			}
			name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
			for (Class<?> type = method.getDeclaringClass(); type != null; type = type.getSuperclass()) {
				try {
					return type.getDeclaredField(name).isAnnotationPresent(annotation);
				}
				catch (NoSuchFieldException ex) {
					// look further up
				}
			}
		}
		else if (member instanceof Field field) {
			String name = field.getName();
			String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
			try {
				return field.getDeclaringClass().getDeclaredMethod(getter).isAnnotationPresent(annotation);
			}
			catch (NoSuchMethodException ex) {
				return false;
			}
		}
		return false;
	}

	private static int precisionOf(Size size, int fallback) {
		Integer precision = size.getPrecision();
		return (precision != null) ? Math.max(0, Math.min(9, precision)) : fallback;
	}

	private static UnaryOperator<Object> timestamp(int precision, boolean truncates, boolean localDateTime) {
		return (value) -> {
			if (value instanceof Instant || value instanceof LocalDateTime || value instanceof OffsetDateTime
					|| value instanceof ZonedDateTime) {
				return fraction((Temporal) value, precision, truncates);
			}
			if (value instanceof Date date) {
				return fraction(date.toInstant(), precision, truncates);
			}
			if (value instanceof Calendar calendar) {
				// a timestamp column without time zone keeps the calendar's wall time,
				// read
				// back in the JVM's time zone
				Instant instant = localDateTime
						? LocalDateTime.ofInstant(calendar.toInstant(), calendar.getTimeZone().toZoneId())
							.atZone(ZoneId.systemDefault())
							.toInstant()
						: calendar.toInstant();
				return fraction(instant, precision, truncates);
			}
			return value;
		};
	}

	private static UnaryOperator<Object> time(int precision, boolean truncates) {
		return (value) -> {
			if (value instanceof LocalTime || value instanceof OffsetTime) {
				return fraction((Temporal) value, precision, truncates);
			}
			if (value instanceof java.sql.Time time) {
				return fraction(time.toLocalTime().withNano((int) Math.floorMod(time.getTime(), 1000L) * 1_000_000),
						precision, truncates);
			}
			if (value instanceof Date date) {
				return fraction(LocalTime.ofInstant(date.toInstant(), ZoneId.systemDefault()), precision, truncates);
			}
			if (value instanceof Calendar calendar) {
				return fraction(LocalTime.ofInstant(calendar.toInstant(), calendar.getTimeZone().toZoneId()), precision,
						truncates);
			}
			return value;
		};
	}

	private static Object date(Object value) {
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate();
		}
		if (value instanceof Calendar calendar) {
			// the calendar's own date, as Hibernate binds it
			return LocalDate.ofInstant(calendar.toInstant(), calendar.getTimeZone().toZoneId());
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault());
		}
		return value;
	}

	/**
	 * Round or truncate the fractional seconds of a date-time to the given number of
	 * digits.
	 */
	@SuppressWarnings("unchecked")
	static <T extends Temporal> T fraction(T value, int precision, boolean truncates) {
		if (precision >= 9) {
			return value;
		}
		long unit = (long) Math.pow(10, 9 - precision);
		long nanos = value.get(java.time.temporal.ChronoField.NANO_OF_SECOND);
		long kept = (nanos / unit) * unit;
		if (!truncates && nanos - kept >= unit / 2) {
			kept += unit;
		}
		return (T) value.with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0).plus(kept, ChronoUnit.NANOS);
	}

	private static @Nullable UnaryOperator<Object> decimal(@Nullable Integer scale) {
		if (scale == null) {
			return null;
		}
		return (value) -> (value instanceof BigDecimal decimal && decimal.scale() > scale)
				? decimal.setScale(scale, RoundingMode.HALF_UP) : value;
	}

	private static @Nullable String fixedLengthType(JdbcType jdbcType, Size size, @Nullable Member member,
			TypeConfiguration types) {
		String definition = columnDefinition(member);
		String typeName;
		if (definition != null && !definition.isBlank()) {
			typeName = definition;
		}
		else if (jdbcType.getDdlTypeCode() == SqlTypes.CHAR || jdbcType.getDdlTypeCode() == SqlTypes.NCHAR) {
			typeName = types.getDdlTypeRegistry().getTypeName(jdbcType.getDdlTypeCode(), size);
		}
		else {
			return null;
		}
		String type = typeName.trim().toLowerCase(Locale.ROOT);
		boolean fixed = (type.startsWith("char") || type.startsWith("nchar") || type.startsWith("character")
				|| type.startsWith("bpchar")) && !type.contains("varying") && !type.contains("large");
		return fixed ? type : null;
	}

	private static @Nullable String columnDefinition(@Nullable Member member) {
		if (!(member instanceof AnnotatedElement element)) {
			return null;
		}
		Column column = element.getAnnotation(Column.class);
		if (column == null && !(member instanceof Field)) {
			String name = member.getName().replaceFirst("^(get|is)", "");
			if (!name.isEmpty()) {
				name = Character.toLowerCase(name.charAt(0)) + name.substring(1);
			}
			for (Class<?> type = member.getDeclaringClass(); type != null
					&& column == null; type = type.getSuperclass()) {
				try {
					column = type.getDeclaredField(name).getAnnotation(Column.class);
				}
				catch (NoSuchFieldException ex) {
					// look further up
				}
			}
		}
		return (column != null) ? column.columnDefinition() : null;
	}

	private static UnaryOperator<Object> fixedLength(String type, boolean trimsTrailingSpaces) {
		if (trimsTrailingSpaces) {
			return (value) -> (value instanceof String text) ? TRAILING_SPACES.matcher(text).replaceFirst("") : value;
		}
		Matcher length = LENGTH.matcher(type);
		int width = length.find() ? Integer.parseInt(length.group(1)) : 1;
		return (value) -> (value instanceof String text && text.length() < width)
				? text + " ".repeat(width - text.length()) : value;
	}

}
