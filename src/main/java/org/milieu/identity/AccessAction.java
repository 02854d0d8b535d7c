package org.milieu.identity;

/** What someone wants to do with a resident's data. */
public enum AccessAction {
	/** See it on a page or through the API. */
	READ,
	/** Create, change or void it. */
	WRITE,
	/** Take it out of Milieu: print, download, export. */
	EXPORT
}
