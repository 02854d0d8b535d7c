package org.milieu.identity.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.ParseException;
import org.springframework.expression.ParserContext;
import org.springframework.security.access.expression.AbstractSecurityExpressionHandler;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The security expressions that pages ask ({@code sec:authorize="hasRole('ADMIN')"} in the menu and
 * on the home page, some thirty per page) are parsed once, not on every evaluation. The Thymeleaf
 * security dialect parses each expression anew through the web security expression handler's
 * parser, and a freshly parsed expression also looks up its methods by reflection anew: together
 * about a sixth of the home page's time in a profile. The handler itself, and so what each
 * expression means, stays Spring Security's.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityExpressions {

	@Bean
	WebSecurityCustomizer parseSecurityExpressionsOnce() {
		return web -> {
			if (web.getExpressionHandler() instanceof AbstractSecurityExpressionHandler<?> handler) {
				handler.setExpressionParser(new ParsedOnce(handler.getExpressionParser()));
			}
		};
	}

	/**
	 * A parser that keeps what it parsed. The expressions come from the templates, a fixed set; the
	 * cache stops growing at {@link #LIMIT} all the same.
	 */
	static final class ParsedOnce implements ExpressionParser {

		static final int LIMIT = 500;

		private final ExpressionParser parser;

		private final Map<String, Expression> parsed = new ConcurrentHashMap<>();

		ParsedOnce(ExpressionParser parser) {
			this.parser = parser;
		}

		@Override
		public Expression parseExpression(String expression) throws ParseException {
			Expression known = parsed.get(expression);
			if (known != null) {
				return known;
			}
			Expression fresh = parser.parseExpression(expression);
			if (parsed.size() < LIMIT) {
				parsed.putIfAbsent(expression, fresh);
			}
			return fresh;
		}

		@Override
		public Expression parseExpression(String expression, ParserContext context) throws ParseException {
			return context == null ? parseExpression(expression) : parser.parseExpression(expression, context);
		}
	}
}
