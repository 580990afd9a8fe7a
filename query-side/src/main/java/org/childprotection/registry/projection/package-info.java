/**
 * The projection engine: how events reach the read models, not what the read models hold (that is in their own
 * packages: {@code casefile}, {@code history}, ...).
 * <ul>
 * <li>{@link Projection}: a read model that can be rebuilt; it writes a run of events to a {@link ProjectionTarget}.</li>
 * <li>{@link InlineProjections}: every projection applied in the transaction of the command that recorded the events
 *     (a projection that fails refuses the command: {@link ProjectionRefused}).</li>
 * <li>{@link BatchedEventHandler}: the handler of a processor that follows the log (the Merkle log); each batch is
 *     written in one run at commit ({@link UnitOfWorkBatch}).</li>
 * <li>{@link ProjectionProcessing}: both, wired; {@link ProjectionRebuild}: a rebuild beside the live tables.</li>
 * <li>{@link ProcessorStatus}, {@link Reconciliation}: where the processors stand, and the check against the log.</li>
 * <li>{@link QuerySide} and {@link QuerySideWithoutProcessors}: what the API, replay-tools and the benchmark
 *     import.</li>
 * </ul>
 */
package org.childprotection.registry.projection;
