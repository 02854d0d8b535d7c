package org.milieu.levels.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The history's {@code kind} filter is one comma-separated value ({@code kind=rating,check}), as
 * Spring binds it: the description says so ({@code explode: false}), which the parameter's
 * annotation alone does not carry into it.
 */
@Component
class HistoryKindParameter implements OpenApiCustomizer {

	@Override
	public void customise(OpenAPI api) {
		PathItem history = api.getPaths() == null ? null : api.getPaths().get("/api/v1/residents/{id}/history");
		if (history == null || history.getGet() == null || history.getGet().getParameters() == null) {
			return;
		}
		history.getGet().getParameters().stream().filter(p -> "kind".equals(p.getName())).forEach(p -> p.setExplode(false));
	}
}
