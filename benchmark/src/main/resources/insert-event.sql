-- One event-shaped row per transaction (table raw.bench_raw_event, shaped like domain_event_entry): ids, type, a ~500-byte payload and ~200-byte metadata.
\set sequence random(1, 1000000000)
INSERT INTO raw.bench_raw_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                             payload_type, payload_revision, payload, meta_data)
VALUES (md5(random()::text), md5(random()::text), :sequence, 'ChildCase', '2026-03-01T02:00:00.000Z',
        'org.childprotection.registry.visit.HomeVisitRecorded', '1',
        convert_to(repeat('{"observations":"孩子在家"}', 16), 'UTF8'),
        convert_to(repeat('{"actor":"li"}', 14), 'UTF8'));
