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
 * Holds every API call of every Spring test to the document, without the test asking for it:
 * puts {@link HttpApiContractCheck} first in the filter chain of every test that starts the
 * server ({@code @SpringBootTest} on a random or defined port), and adds {@link ApiContractCheck}
 * to the MockMvc of a test that sets it up itself rather than through {@code @MilieuWebTest}
 * (which imports it). Listed in {@code META-INF/spring.factories}.
 */
public class ApiContractCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		SpringBootTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, SpringBootTest.class);
		if (test != null && test.webEnvironment().isEmbedded()) {
			return new Registration();
		}
		boolean mockMvc = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc.class) != null;
		boolean imported = TestContextAnnotationUtils.findMergedAnnotation(testClass, org.milieu.MilieuWebTest.class) != null;
		return mockMvc && !imported ? new MockMvcCheck() : null;
	}

	/** Adds the MockMvc check; all such contexts are alike in this. */
	private static final class MockMvcCheck implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("apiContractCheck",
					new RootBeanDefinition(ApiContractCheck.class,
							() -> new ApiContractCheck((WebApplicationContext) context)));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof MockMvcCheck;
		}

		@Override
		public int hashCode() {
			return MockMvcCheck.class.hashCode();
		}
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
