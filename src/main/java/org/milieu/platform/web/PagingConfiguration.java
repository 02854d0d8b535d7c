package org.milieu.platform.web;

import java.util.List;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.milieu.shared.PageRequest;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the binder of {@link PageRequest} and documents its two query parameters on every listing. */
@Configuration(proxyBeanMethods = false)
class PagingConfiguration implements WebMvcConfigurer {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageRequest.class);
	}

	private final MessageSource messages;

	PagingConfiguration(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageRequestResolver(messages));
	}

	@Bean
	OperationCustomizer pagingParameters() {
		return (operation, handler) -> {
			boolean listing = java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch(p -> p.getParameterType() == PageRequest.class);
			if (listing) {
				operation.addParametersItem(new QueryParameter().name(Paging.CURSOR)
					.description("Where the page starts: copy it from the previous page's next link. Opaque.")
					.schema(new StringSchema()));
				operation.addParametersItem(new QueryParameter().name(Paging.LIMIT)
					.description("Rows per page.")
					.schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
						.maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_LIMIT))
						._default(PageRequest.DEFAULT_LIMIT)));
			}
			return operation;
		};
	}
}
