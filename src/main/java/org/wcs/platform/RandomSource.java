package org.wcs.platform;

/** {@code Math.random()}, injected so that jitter and ids are reproducible in tests. */
public interface RandomSource {
    double next();
}
