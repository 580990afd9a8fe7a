/**
 * The projection engine: how events reach the read models, not what the read models hold (that is in their own
 * packages: {@code casefile}, {@code history}, ...).
 * <ul>
 * <li>{@link BatchedEventHandler}: the one event handler; each processor batch is written in one run at commit
 *     ({@link UnitOfWorkBatch}).</li>
 * <li>{@link Projection}: a read model that can be rebuilt; it writes to a {@link ProjectionTarget} and parks the
 *     cases it cannot apply ({@link ParkingBatch}, retried by {@link DeadLetterRetry}).</li>
 * <li>{@link ProjectionProcessing}: the processors; {@link ProjectionRebuild}: a rebuild beside the live tables.</li>
 * <li>{@link CaseProjectionWait}, {@link ProcessorStatus}, {@link Reconciliation}: read-your-writes, where the
 *     processors stand, and the check against the log.</li>
 * <li>{@link QuerySide} and {@link QuerySideWithoutProcessors}: what the API, replay-tools and the benchmark
 *     import.</li>
 * </ul>
 */
package org.childprotection.registry.projection;
