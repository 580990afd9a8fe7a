package org.childprotection.registry.integrity;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * The two Merkle logs' beans: store, heads and proofs of each. The event log's are primary, so a caller that names
 * no log gets the event log as before; the access log's carry the qualifier
 * {@code @Qualifier(MerkleLogKind.ACCESS_LOG_NAME)} ("access-log"), the event log's "events".
 */
@Configuration(proxyBeanMethods = false)
public class MerkleLogs {

    @Bean
    @Primary
    @Qualifier(MerkleLogKind.EVENTS_NAME)
    public MerkleLogStore merkleLogStore(JdbcTemplate jdbc) {
        return new MerkleLogStore(jdbc, MerkleLogKind.EVENTS);
    }

    @Bean
    @Qualifier(MerkleLogKind.ACCESS_LOG_NAME)
    public MerkleLogStore accessLogMerkleLogStore(JdbcTemplate jdbc) {
        return new MerkleLogStore(jdbc, MerkleLogKind.ACCESS_LOG);
    }

    @Bean
    @Primary
    @Qualifier(MerkleLogKind.EVENTS_NAME)
    public TreeHeads treeHeads(JdbcTemplate jdbc, @Qualifier(MerkleLogKind.EVENTS_NAME) MerkleLogStore log,
                               SigningKey key, Clock clock, SigningGuard guard, SignerRecord record) {
        return new TreeHeads(jdbc, log, key, clock, guard, record);
    }

    @Bean
    @Qualifier(MerkleLogKind.ACCESS_LOG_NAME)
    public TreeHeads accessLogTreeHeads(JdbcTemplate jdbc, @Qualifier(MerkleLogKind.ACCESS_LOG_NAME) MerkleLogStore log,
                                        SigningKey key, Clock clock, SigningGuard guard, SignerRecord record) {
        return new TreeHeads(jdbc, log, key, clock, guard, record);
    }

    @Bean
    @Primary
    @Qualifier(MerkleLogKind.EVENTS_NAME)
    public Proofs proofs(@Qualifier(MerkleLogKind.EVENTS_NAME) MerkleLogStore log, CanonicalEvents events) {
        return new Proofs(log, events);
    }

    @Bean
    @Qualifier(MerkleLogKind.ACCESS_LOG_NAME)
    public Proofs accessLogProofs(@Qualifier(MerkleLogKind.ACCESS_LOG_NAME) MerkleLogStore log, CanonicalEvents events) {
        return new Proofs(log, events);
    }
}
