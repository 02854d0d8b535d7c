package org.milieu.platform.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.PostMapping;

/** The API description at {@code /v3/api-docs} (OpenAPI 3.0, which the validators and client generators read fully) and its Swagger UI. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// A LocalTime binds from "HH:mm" or "HH:mm:ss"; without this the document said only "string".
		org.springdoc.core.utils.SpringDocUtils.getConfig().replaceWithSchema(java.time.LocalTime.class,
				new StringSchema().format("time").example("08:30:00"));
	}

	@Bean
	OpenAPI milieuApi() {
		return new OpenAPI().info(new Info().title("Milieu API")
			.version("v1")
			.description("JSON API of Milieu. Errors are RFC 9457 problem documents; updates need If-Match; "
					+ "creating POSTs accept an Idempotency-Key header.")
			.license(new License().name("Apache-2.0")));
	}

	/**
	 * Replaces swagger's model resolver (springdoc swaps a registered converter of the same class for
	 * its own) with one that names schemas by {@link SchemaNames}, so records of the same simple name
	 * in different controllers get a schema each. First in order, so that springdoc's own converters
	 * still run in front of it.
	 */
	@Bean
	SchemaNames schemaNames() {
		return new SchemaNames();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ModelResolver uniqueSchemaNames(SchemaNames names) {
		return new ModelResolver(Json.mapper(), names);
	}

	/** Statuses, media types, headers, security and nullability by convention: see {@link OpenApiContract}. */
	@Bean
	OpenApiContract openApiContract(SchemaNames names) {
		return new OpenApiContract(names);
	}

	/**
	 * Operation ids a generated client reads well and that stay put when another controller gains a
	 * method of the same name: the controller without "Api" and the method ({@code houseRevise},
	 * {@code residentAdmit}), instead of springdoc's {@code revise_2}.
	 */
	@Bean
	OperationCustomizer readableOperationIds() {
		return (operation, handler) -> {
			String controller = handler.getBeanType().getSimpleName().replaceFirst("Api$", "");
			String method = handler.getMethod().getName();
			operation.setOperationId(Character.toLowerCase(controller.charAt(0)) + controller.substring(1)
					+ Character.toUpperCase(method.charAt(0)) + method.substring(1));
			return operation;
		};
	}

	/** Every creating POST documents the optional Idempotency-Key header. */
	@Bean
	OperationCustomizer idempotencyKeyHeader() {
		return (operation, handler) -> {
			if (handler.hasMethodAnnotation(PostMapping.class)) {
				operation.addParametersItem(new HeaderParameter().name("Idempotency-Key")
					.required(false)
					.description("A key chosen by the client; a retry with the same key and body returns the first "
							+ "response and creates nothing new. The same key with another body gives 422.")
					.schema(new StringSchema().maxLength(255)));
			}
			return operation;
		};
	}
}
