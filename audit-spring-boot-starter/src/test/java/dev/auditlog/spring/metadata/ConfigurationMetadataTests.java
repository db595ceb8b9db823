package dev.auditlog.spring.metadata;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.auditlog.core.Action;
import dev.auditlog.core.DisplayRules;
import dev.auditlog.core.FkRepresentation;
import dev.auditlog.spring.AuditlogProperties;
import dev.auditlog.spring.web.CorrelationIdProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build generates into
 * {@code META-INF/spring-configuration-metadata.json}, merged from the properties classes
 * and {@code additional-spring-configuration-metadata.json}, read from the classpath as
 * an IDE reads it from the jar.
 */
class ConfigurationMetadataTests {

	private static final String MODEL_KEY = "auditlog.models.*.";

	private static JsonNode metadata;

	private static Map<String, JsonNode> properties;

	private static Map<String, JsonNode> hints;

	@BeforeAll
	static void readGeneratedMetadata() throws IOException {
		metadata = starterMetadata();
		properties = byName(metadata.get("properties"));
		hints = byName(metadata.get("hints"));
	}

	@Test
	void everyAuditlogPropertyHasADescriptionAndAType() {
		List<String> names = properties.keySet()
			.stream()
			.filter((name) -> name.startsWith("auditlog.") || name.startsWith("management.endpoint.auditlog."))
			.toList();
		assertThat(names).contains("auditlog.enabled", "auditlog.events.authentication-success",
				"auditlog.integrity.enabled", "auditlog.integrity.hmac-key", "management.endpoint.auditlog.show-values",
				"management.endpoint.auditlog.roles");
		for (String name : names) {
			JsonNode property = properties.get(name);
			assertThat(text(property, "description")).as("description of %s", name).isNotBlank();
			assertThat(text(property, "type")).as("type of %s", name).isNotBlank();
		}
	}

	@Test
	void everyPerModelKeyIsDescribedWithTheTypeItBindsTo() {
		Map<String, String> expected = new LinkedHashMap<>();
		for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(AuditlogProperties.Model.class)) {
			if (descriptor.getWriteMethod() != null) {
				expected.put(MODEL_KEY + kebab(descriptor.getName()),
						descriptor.getReadMethod().getGenericReturnType().getTypeName().replace(" ", ""));
			}
		}
		assertThat(expected).hasSize(11);
		Map<String, String> described = properties.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(MODEL_KEY))
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> text(entry.getValue(), "type")));
		assertThat(described).isEqualTo(expected);
		for (String name : expected.keySet()) {
			assertThat(text(properties.get(name), "description")).as("description of %s", name).isNotBlank();
		}
		assertThat(text(properties.get("auditlog.models"), "description"))
			.contains(expected.keySet().stream().map((name) -> name.substring(MODEL_KEY.length())).toList());
	}

	@Test
	void enumeratedValuesAreHintedWithDescriptions() {
		assertThat(hintedValues(MODEL_KEY + "actions")).isEqualTo(lowerCase(Action.values()));
		assertThat(hintedValues(MODEL_KEY + "fk-representation")).isEqualTo(lowerCase(FkRepresentation.values()));
		assertThat(hintedValues("auditlog.on-error")).isEqualTo(lowerCase(AuditlogProperties.OnError.values()));
		assertThat(hintedValues("auditlog.events.authentication-success"))
			.isEqualTo(lowerCase(AuditlogProperties.AuthenticationSuccess.values()));
	}

	@Test
	void correlationIdGetterNamesABeanOfTheProviderType() {
		JsonNode provider = hints.get("auditlog.cid.getter").get("providers").get(0);
		assertThat(text(provider, "name")).isEqualTo("spring-bean-reference");
		assertThat(text(provider.get("parameters"), "target")).isEqualTo(CorrelationIdProvider.class.getName());
	}

	@Test
	void displayMaxLengthShowsItsDefault() {
		assertThat(properties.get("auditlog.display-max-length").get("defaultValue").asInt())
			.isEqualTo(DisplayRules.DEFAULT_MAX_LENGTH)
			.isEqualTo(new AuditlogProperties().getDisplayMaxLength());
	}

	@Test
	void classNameKeysInBracketsKeepTheirDotsAsTheModelsDescriptionSays() {
		Binder binder = new Binder(new MapConfigurationPropertySource(
				Map.of("auditlog.models[com.example.Product].actions", "create,delete")));
		Map<String, AuditlogProperties.Model> models = binder
			.bind("auditlog.models", Bindable.mapOf(String.class, AuditlogProperties.Model.class))
			.get();
		assertThat(models).containsOnlyKeys("com.example.Product");
		assertThat(models.get("com.example.Product").getActions()).containsExactly(Action.CREATE, Action.DELETE);
	}

	private List<String> hintedValues(String name) {
		JsonNode hint = hints.get(name);
		assertThat(hint).as("hint of %s", name).isNotNull();
		List<String> values = new ArrayList<>();
		for (JsonNode value : hint.get("values")) {
			assertThat(text(value, "description")).as("description of %s in %s", value, name).isNotBlank();
			values.add(text(value, "value"));
		}
		return values;
	}

	private static List<String> lowerCase(Enum<?>[] constants) {
		return Arrays.stream(constants).map((constant) -> constant.name().toLowerCase().replace('_', '-')).toList();
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null) ? value.asString() : "";
	}

	private static Map<String, JsonNode> byName(JsonNode items) {
		Map<String, JsonNode> named = new LinkedHashMap<>();
		if (items != null) {
			for (JsonNode item : items) {
				named.put(item.get("name").asString(), item);
			}
		}
		return named;
	}

	/**
	 * The starter's generated metadata among all of those on the classpath: the one that
	 * declares the {@code auditlog} group.
	 */
	private static JsonNode starterMetadata() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<URL> resources = Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"));
		List<JsonNode> starters = new ArrayList<>();
		for (URL resource : resources) {
			try (InputStream in = resource.openStream()) {
				JsonNode candidate = json.readTree(in);
				if (Stream.ofNullable(candidate.get("groups"))
					.flatMap((groups) -> groups.valueStream())
					.anyMatch((group) -> "auditlog".equals(group.get("name").asString()))) {
					starters.add(candidate);
				}
			}
		}
		assertThat(starters).as("metadata declaring the auditlog group among %s", resources).hasSize(1);
		return starters.get(0);
	}

}
