package org.milieu.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a web request whose statements may run up to the long-work limit
 * ({@code milieu.db.statement-timeout.long-work}) rather than the request limit: a report or a
 * verification that reads the whole of a large table by design. Every other request keeps the
 * request limit, so one slow statement cannot hold a pooled connection for long.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface LongRunning {
}
