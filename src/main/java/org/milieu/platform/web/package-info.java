/**
 * The web shell and the API conventions other modules' web code uses: problem details,
 * {@link org.milieu.platform.web.ETags} for If-Match, the idempotency filter, languages and error
 * pages. Exposed as the named interface {@code platform::web}.
 */
@org.springframework.modulith.NamedInterface("web")
package org.milieu.platform.web;
