package org.milieu.platform.web;

/** One entry of a problem's {@code errors} list: the input field at fault and why, in words. */
public record FieldError(String field, String message) {
}
