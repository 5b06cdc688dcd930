-- 1,000,000 audit entries over 2025, 2,000 people (p0000..p1999), 100,000 requests, 8 actions; hashes are filler
-- (the benchmark reads, it does not verify).
INSERT INTO audit_entry (seq, occurred_at, actor_type, actor, action, subject, details, prev_hash, hash, request_id,
                         person_guid, person_account)
SELECT g,
       TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + (g * INTERVAL '31.5 seconds'),
       CASE WHEN g % 3 = 0 THEN 'SYSTEM' ELSE 'PERSON' END,
       'actor' || (g % 500),
       (ARRAY['request.opened','request.approved','request.denied','mail.sent','action.applied','extension.used',
              'request.reminded','webhook.rejected'])[1 + g % 8],
       'request ' || (g % 100000),
       'details of entry ' || g,
       repeat('0', 64), repeat('0', 64),
       CASE WHEN g % 8 = 7 THEN NULL ELSE g % 100000 END,
       CASE WHEN g % 8 = 7 THEN NULL ELSE '00000000-0000-4000-8000-' || lpad((g % 2000)::text, 12, '0') END,
       CASE WHEN g % 8 = 7 THEN NULL ELSE 'p' || lpad((g % 2000)::text, 4, '0') END
FROM generate_series(1, 1000000) g;
UPDATE audit_chain_head SET last_seq = 1000000;
ANALYZE audit_entry;
