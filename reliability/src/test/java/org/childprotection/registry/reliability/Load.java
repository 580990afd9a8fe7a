package org.childprotection.registry.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** Many commands at once from a bounded number of client threads; bounded in count or in time. */
final class Load {

    private Load() {
    }

    /** Each thread sends one command after another until {@code duration} has passed. */
    static List<Command> during(int threads, Duration duration, IntFunction<Command> command) {
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger sent = new AtomicInteger();
        List<Command> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end) {
                    answers.add(command.apply(sent.getAndIncrement()));
                }
            }, "client-" + t);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            try {
                client.join(duration.toMillis() + Command.ANSWER_TIMEOUT.toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (client.isAlive()) {
                throw new IllegalStateException("a client did not stop in time");
            }
        }
        return new ArrayList<>(answers);
    }

    static List<Command> inParallel(int threads, int count, IntFunction<Command> command) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Command>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(pool.submit(() -> command.apply(n)));
            }
            List<Command> answers = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(
                    Command.ANSWER_TIMEOUT.toSeconds() * (count / threads + 2));
            for (Future<Command> future : sent) {
                answers.add(future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the load did not finish in time", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
