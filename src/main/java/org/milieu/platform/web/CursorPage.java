package org.milieu.platform.web;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * The body of every listing of the API: the rows of one page, in the listing's order, and the link
 * to the next page ({@code null} on the last). The same link is in the {@code Link: <…>; rel="next"}
 * header (RFC 8288). See {@link Paging}.
 */
public record CursorPage<T>(List<T> items, @Nullable String next) {
}
