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
        return p50p99(millis);
    }

    /** @return {p50, p99} of the given samples (sorted in place) */
    static double[] p50p99(double[] millis) {
        Arrays.sort(millis);
        int last = millis.length - 1;
        return new double[]{millis[(int) Math.floor(0.50 * last)], millis[(int) Math.ceil(0.99 * last)]};
    }
}
