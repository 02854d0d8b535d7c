/**
 * The tiny kernel every module may use: identifier types and the application clock.
 * Nothing here knows about any feature; anything that grows rules belongs in a module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package org.milieu.shared;
