package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Test fixture: reads a listing of the API page by page, following each page's next link, and checks
 * on the way that every page keeps the paging contract (200, at most {@code limit} rows, the same
 * next link in the body and in the {@code Link} header, none on the last page).
 */
public final class PagedListing {

	private PagedListing() {
	}

	/** The ids of every row of the listing, in order, read {@code limit} at a time. */
	public static List<String> ids(MockMvc mvc, RequestPostProcessor as, String uri, int limit) throws Exception {
		List<String> ids = new ArrayList<>();
		String next = uri + (uri.contains("?") ? "&" : "?") + "limit=" + limit;
		int pages = 0;
		while (next != null) {
			MockHttpServletResponse page = mvc.perform(get(next).with(as)).andReturn().getResponse();
			assertThat(page.getStatus()).as("status of " + next + ": " + page.getContentAsString()).isEqualTo(200);
			String body = page.getContentAsString();
			List<String> items = JsonPath.read(body, "$.items[*].id");
			assertThat(items.size()).isLessThanOrEqualTo(limit);
			ids.addAll(items);
			next = JsonPath.read(body, "$.next");
			if (next == null) {
				assertThat(page.getHeader("Link")).isNull();
			}
			else {
				assertThat(items).hasSize(limit);
				assertThat(page.getHeader("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
			}
			assertThat(++pages).as("pages read").isLessThan(1000);
		}
		return ids;
	}
}
