package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Links to static files still carry the WebJar's version, while page links are written as they
 * are, without a look-up in the static resource chain.
 */
@MilieuWebTest
class StaticResourceUrlsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	void theHtmxScriptIsLinkedWithItsVersionAndTheCensusLinksEachProfileAsIs() throws Exception {
		Document census = Jsoup.parse(mvc.perform(get("/residents").with(signIns.as("director")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(census.select("script[src*=htmx]").attr("src")).matches("/webjars/htmx\\.org/\\d[^/]*/dist/htmx\\.min\\.js");
		assertThat(census.select("link[rel=stylesheet]").eachAttr("href")).contains("/css/milieu.css");
		assertThat(census.select("tr[data-resident] th a").eachAttr("href"))
			.isNotEmpty()
			.allMatch(href -> href.matches("/residents/[0-9a-f-]{36}"));
	}

	@Test
	void springBootsFilterThatRewritesEveryLinkIsNotRegistered() {
		assertThat(context.containsBean("resourceUrlEncodingFilter")).isFalse();
		assertThat(context.getBeansOfType(org.springframework.web.servlet.resource.ResourceUrlEncodingFilter.class))
			.containsOnlyKeys("staticResourceUrlEncodingFilter");
	}

	@Test
	void onlyALinkWhoseLastSegmentHasAnExtensionMayNameAStaticFile() {
		assertThat(StaticResourceUrls.mayBeStatic("/css/milieu.css")).isTrue();
		assertThat(StaticResourceUrls.mayBeStatic("/webjars/htmx.org/dist/htmx.min.js?v=1")).isTrue();
		assertThat(StaticResourceUrls.mayBeStatic("/residents/occupancy.csv")).isTrue();
		assertThat(StaticResourceUrls.mayBeStatic("/residents/4f1c-aa/passes/new")).isFalse();
		assertThat(StaticResourceUrls.mayBeStatic("/levels.v2/board")).isFalse();
		assertThat(StaticResourceUrls.mayBeStatic("/residents?house=a.b")).isFalse();
		assertThat(StaticResourceUrls.mayBeStatic("/residents#a.b")).isFalse();
		assertThat(StaticResourceUrls.mayBeStatic("")).isFalse();
	}
}
