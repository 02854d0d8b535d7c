package org.milieu.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.swagger.v3.core.jackson.TypeNameResolver;

/**
 * Names the schemas of the API description so that no two types share one. Controllers keep their
 * request and response records beside them, and two controllers may well both have an
 * {@code ItemRequest}; with simple names the document showed one in place of the other. A type of
 * Milieu is named by its module path and its enclosing types, without {@code org.milieu} and without
 * the {@code web} package ({@code levels.LevelReviewApi.DecisionRequest},
 * {@code government.Quorum}); a type from elsewhere keeps its simple name. The names are stable: they
 * change only when a type is moved or renamed. {@code OpenApiSchemaNamesTests} fails when two types
 * would still map to one name.
 */
class SchemaNames extends TypeNameResolver {

	private static final String BASE = "org.milieu.";

	private final java.util.Map<String, Class<?>> types = new java.util.concurrent.ConcurrentHashMap<>();

	SchemaNames() {
	}

	@Override
	protected String getNameOfClass(Class<?> type) {
		String name = nameOf(type);
		types.put(name, type);
		return name;
	}

	/** The Java type a schema of this document was made from (the raw type of a generic one), if any. */
	java.util.Optional<Class<?>> typeOf(String schemaName) {
		return java.util.Optional.ofNullable(types.get(schemaName));
	}

	/**
	 * A generic type of Milieu is named by the type and its arguments joined by a dash
	 * ({@code platform.CursorPage-government.MeetingApi.MeetingSummary}), rather than run together.
	 */
	@Override
	protected String nameForGenericType(com.fasterxml.jackson.databind.JavaType type, Set<Options> options) {
		if (!type.getRawClass().getName().startsWith(BASE)) {
			return super.nameForGenericType(type, options);
		}
		StringBuilder name = new StringBuilder(nameForClass(type, options));
		for (int i = 0; i < type.containedTypeCount(); i++) {
			name.append('-').append(nameForType(type.containedType(i), options));
		}
		types.put(name.toString(), type.getRawClass());
		return name.toString();
	}

	/** The schema name of a type, as the API description shows it. */
	static String nameOf(Class<?> type) {
		String name = type.getName();
		if (!name.startsWith(BASE)) {
			return type.getSimpleName();
		}
		List<String> parts = new ArrayList<>(List.of(name.substring(BASE.length()).split("\\.")));
		String last = parts.remove(parts.size() - 1).replace('$', '.');
		parts.removeIf("web"::equals);
		parts.add(last);
		return String.join(".", parts);
	}
}
