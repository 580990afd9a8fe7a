package org.childprotection.registry.reliability;

/**
 * How much load each scenario sends: {@code quick} (the default, part of {@code mvn verify}, a few minutes for the
 * whole suite on two cores) or {@code full} ({@code -Dreliability.size=full}).
 */
enum Size {
    QUICK(1), FULL(5);

    final int factor;

    Size(int factor) {
        this.factor = factor;
    }

    static Size current() {
        return valueOf(System.getProperty("reliability.size", "quick").toUpperCase());
    }

    /** {@code quick} times the size's factor. */
    int times(int quick) {
        return quick * factor;
    }
}
