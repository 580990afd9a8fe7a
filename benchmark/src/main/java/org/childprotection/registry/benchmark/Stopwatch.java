package org.childprotection.registry.benchmark;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Latency percentiles of a repeated call. */
final class Stopwatch {

    private Stopwatch() {
    }

    /** @return {p50, p99} in milliseconds, after a warm-up */
    static double[] percentiles(int warmUp, int samples, Callable<?> call) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.call();
        }
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            call.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return new double[]{millis[(int) Math.floor(0.50 * (samples - 1))], millis[(int) Math.ceil(0.99 * (samples - 1))]};
    }
}
