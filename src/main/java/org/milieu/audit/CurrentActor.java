package org.milieu.audit;

/** Who is acting in the current request; provided by the identity module. */
public interface CurrentActor {

	Actor get();
}
