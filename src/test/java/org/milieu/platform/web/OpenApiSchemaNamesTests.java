package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every type a controller takes or gives (and every record inside one) gets a schema name of its own
 * in the API description: two types under one name made the document show one type's fields for
 * another's.
 */
class OpenApiSchemaNamesTests {

	@Test
	void noTwoTypesOfTheApiShareASchemaName() throws Exception {
		Set<Class<?>> types = apiTypes();
		Map<String, Set<String>> byName = new TreeMap<>();
		for (Class<?> type : types) {
			byName.computeIfAbsent(SchemaNames.nameOf(type), n -> new HashSet<>()).add(type.getName());
		}
		Map<String, Set<String>> clashes = new HashMap<>();
		byName.forEach((name, classes) -> {
			if (classes.size() > 1) {
				clashes.put(name, classes);
			}
		});
		assertThat(types).as("the scan finds the controllers' records").hasSizeGreaterThan(50);
		assertThat(clashes).as("schema names shared by more than one type").isEmpty();
	}

	@Test
	void recordsOfTheSameSimpleNameInTwoControllersGetTwoNames() {
		assertThat(SchemaNames.nameOf(Outer.ItemRequest.class)).isEqualTo("platform.OpenApiSchemaNamesTests.Outer.ItemRequest");
		assertThat(SchemaNames.nameOf(String.class)).isEqualTo("String");
	}

	static class Outer {

		record ItemRequest(String kind) {
		}
	}

	/** The request bodies and answers of every controller under org.milieu, with the Milieu types inside them. */
	static Set<Class<?>> apiTypes() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
		Deque<Type> pending = new ArrayDeque<>();
		for (BeanDefinition bean : scanner.findCandidateComponents("org.milieu")) {
			Class<?> controller = Class.forName(bean.getBeanClassName());
			for (Method method : controller.getDeclaredMethods()) {
				pending.add(method.getGenericReturnType());
				for (int i = 0; i < method.getParameterCount(); i++) {
					if (method.getParameters()[i].isAnnotationPresent(RequestBody.class)) {
						pending.add(method.getGenericParameterTypes()[i]);
					}
				}
			}
		}
		Set<Class<?>> seen = new HashSet<>();
		while (!pending.isEmpty()) {
			Type type = pending.pop();
			if (type instanceof ParameterizedType parameterized) {
				pending.add(parameterized.getRawType());
				pending.addAll(java.util.List.of(parameterized.getActualTypeArguments()));
			}
			else if (type instanceof Class<?> c) {
				if (c.isArray()) {
					pending.add(c.getComponentType());
				}
				else if (c.getName().startsWith("org.milieu.") && seen.add(c) && c.isRecord()) {
					for (RecordComponent component : c.getRecordComponents()) {
						pending.add(component.getGenericType());
					}
				}
			}
		}
		return seen;
	}
}
