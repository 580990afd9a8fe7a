/**
 * What the read models (caseload, history, access log, statistics) share in their answers: a page of rows
 * ({@link org.childprotection.registry.readmodel.Page}, {@link org.childprotection.registry.readmodel.PageRequest}),
 * the village-code prefixes a reader may see ({@link org.childprotection.registry.readmodel.Jurisdictions}) and the
 * clock behind "overdue" and "due"; and the lock that lets one node (or one tool) at a time run what must not run
 * twice at once ({@link org.childprotection.registry.readmodel.RunLock}). How the read models are kept up to date is the projection engine's business
 * ({@code org.childprotection.registry.projection}).
 */
package org.childprotection.registry.readmodel;
