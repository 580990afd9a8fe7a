package org.childprotection.registry.eventlog;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;

/**
 * The cases the command side keeps between commands, so that a command neither reads the case's events nor looks
 * for a snapshot again: the most recently used {@code entries} cases, on the heap. Axon removes a case whose command
 * failed, so a copy made stale by another node (whose append then fails on the event table's unique key, answered
 * 409) is read again at the next command.
 * <p>
 * Axon's own {@code WeakReferenceCache} loses its entries at every garbage collection: under load most commands read
 * their case again, and a bounded cache doubled the commands through the gateway (BENCHMARKS.md, "The write path").
 */
public final class CaseCache {

    private CaseCache() {
    }

    public static Cache of(long entries) {
        org.ehcache.Cache<Object, Object> cache = CacheManagerBuilder.newCacheManagerBuilder().build(true)
                .createCache("cases", CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class,
                        Object.class, ResourcePoolsBuilder.heap(entries)));
        // the adapter takes the implementation type that every cache of Ehcache's manager is
        return new EhCache3Adapter((Ehcache<Object, Object>) cache);
    }
}
