package org.childprotection.registry.projection;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the events a projection receives in one unit of work (one processor batch) and hands them over in
 * one run just before the batch commits. Writing at the end keeps each batch to a few statements, and keeps the
 * batch's transaction without a transaction id (so without holding back the settled readers of every other
 * processor) until that moment. Outside a unit of work the run is applied at once.
 */
public final class UnitOfWorkBatch {

    private UnitOfWorkBatch() {
    }

    public static void add(String key, Projection.Positioned event, Consumer<List<Projection.Positioned>> applyAll) {
        if (!CurrentUnitOfWork.isStarted()) {
            applyAll.accept(List.of(event));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<Projection.Positioned> run = root.getOrComputeResource(key, k -> {
            List<Projection.Positioned> events = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> applyAll.accept(events));
            return events;
        });
        run.add(event);
    }
}
