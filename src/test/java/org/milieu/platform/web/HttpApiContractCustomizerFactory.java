package org.milieu.platform.web;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.web.context.WebApplicationContext;

/**
 * Puts {@link HttpApiContractCheck} first in the filter chain of every test that starts the server
 * ({@code @SpringBootTest} on a random or defined port), so each call over real HTTP is held to
 * the document without the test asking for it. Listed in {@code META-INF/spring.factories}.
 */
public class HttpApiContractCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		SpringBootTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, SpringBootTest.class);
		return test != null && test.webEnvironment().isEmbedded() ? new Registration() : null;
	}

	/** Registers the filter; all such contexts are alike, so they still share the context cache. */
	private static final class Registration implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("httpApiContractCheck",
					new RootBeanDefinition(FilterRegistrationBean.class, () -> {
						FilterRegistrationBean<HttpApiContractCheck> filter = new FilterRegistrationBean<>(
								new HttpApiContractCheck(() -> ApiContractCheck.validator((WebApplicationContext) context)));
						filter.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
						filter.setOrder(Ordered.HIGHEST_PRECEDENCE);
						filter.addUrlPatterns("/*");
						return filter;
					}));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Registration;
		}

		@Override
		public int hashCode() {
			return Registration.class.hashCode();
		}
	}
}
