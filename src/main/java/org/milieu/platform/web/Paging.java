package org.milieu.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import org.milieu.shared.Keyset;
import org.milieu.shared.PageRequest;
import org.milieu.shared.Slice;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The one paging style of the API. A listing takes a {@link PageRequest} argument, bound from the
 * query parameters {@code cursor} (opaque; from the {@code next} link of the page before) and
 * {@code limit} (1 to {@value PageRequest#MAX_LIMIT}, default {@value PageRequest#DEFAULT_LIMIT}),
 * and answers with {@link #ok(Slice)}: a {@link CursorPage} and a {@code Link} header to the next page.
 * The cursor is the base64url text of the last row's sort key and id with a check value over the
 * listing's path, so a cursor that was altered, cut short or taken from another listing is refused
 * with a 400 naming {@code cursor}, as a bad {@code limit} is refused naming {@code limit}.
 */
public final class Paging {

	static final String CURSOR = "cursor";

	static final String LIMIT = "limit";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private Paging() {
	}

	/** The page as the answer of a listing, with the link to the next page in the body and in a header. */
	public static <T> ResponseEntity<CursorPage<T>> ok(Slice<T> slice) {
		String next = slice.next() == null ? null : nextLink(slice.next());
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok().cacheControl(CacheControl.noStore());
		if (next != null) {
			answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return answer.body(new CursorPage<>(slice.items(), next));
	}

	private static String nextLink(Keyset next) {
		UriComponents current = ServletUriComponentsBuilder.fromCurrentRequest().build(true);
		String cursor = encode(current.getPath(), next);
		UriComponents link = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam(CURSOR, cursor)
			.build(true);
		return link.getPath() + (link.getQuery() == null ? "" : "?" + link.getQuery());
	}

	static String encode(String listing, Keyset keyset) {
		String payload = keyset.key() + "|" + keyset.id();
		return ENCODER.encodeToString((payload + "|" + check(listing, payload)).getBytes(StandardCharsets.UTF_8));
	}

	/** The keyset a cursor stands for, or {@code null} when it is not one this listing made. */
	static Keyset decode(String listing, String cursor) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int lastBar = text.lastIndexOf('|');
			int idBar = lastBar < 1 ? -1 : text.lastIndexOf('|', lastBar - 1);
			if (idBar < 1) {
				return null;
			}
			String payload = text.substring(0, lastBar);
			if (!MessageDigest.isEqual(check(listing, payload).getBytes(StandardCharsets.UTF_8),
					text.substring(lastBar + 1).getBytes(StandardCharsets.UTF_8))) {
				return null;
			}
			return new Keyset(text.substring(0, idBar), UUID.fromString(text.substring(idBar + 1, lastBar)));
		}
		catch (IllegalArgumentException notACursor) {
			return null;
		}
	}

	private static String check(String listing, String payload) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((listing + "|" + payload).getBytes(StandardCharsets.UTF_8));
			return ENCODER.encodeToString(Arrays.copyOf(digest, 9));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
