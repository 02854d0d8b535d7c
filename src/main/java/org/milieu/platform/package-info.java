/**
 * The platform every feature stands on: programs (the communities an installation serves), the
 * web shell (layout, navigation, languages, error pages), the JSON API's conventions (problem
 * details, ETags and If-Match, idempotency keys) and the demo community generator. It knows no
 * feature: modules contribute demo data through {@link org.milieu.platform.DemoContributor}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared" }, displayName = "Platform")
package org.milieu.platform;
