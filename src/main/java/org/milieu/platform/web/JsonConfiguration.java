package org.milieu.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read as written: a value of the wrong type is a 400 naming the field, never quietly
 * turned into another type. Without this, {@code {"name": true}} founded a house named "true",
 * {@code "42"} passed for a number and {@code 1.9} for the integer 1.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictScalars() {
		return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.withCoercionConfig(LogicalType.Textual, text -> refuse(text, CoercionInputShape.Boolean,
					CoercionInputShape.Integer, CoercionInputShape.Float))
			.withCoercionConfig(LogicalType.Integer, number -> refuse(number, CoercionInputShape.String,
					CoercionInputShape.Boolean, CoercionInputShape.Float))
			.withCoercionConfig(LogicalType.Float, number -> refuse(number, CoercionInputShape.String,
					CoercionInputShape.Boolean))
			.withCoercionConfig(LogicalType.Boolean, flag -> refuse(flag, CoercionInputShape.String,
					CoercionInputShape.Integer, CoercionInputShape.Float));
	}

	private static void refuse(tools.jackson.databind.cfg.MutableCoercionConfig config, CoercionInputShape... shapes) {
		for (CoercionInputShape shape : shapes) {
			config.setCoercion(shape, CoercionAction.Fail);
		}
	}
}
