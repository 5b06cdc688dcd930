INSERT INTO extension_request (id, version, state, origin, requester_guid, requester_account, approver_reason,
    window_start, window_end, requested_start, requested_end, session_types, denial_count, created_at, updated_at)
SELECT g, 0, (ARRAY['PENDING','APPROVED','DENIED','ENDED','EXPIRED'])[1 + g % 5], 'AHEAD',
       '00000000-0000-4000-8000-' || lpad((g % 2000)::text, 12, '0'), 'p' || lpad((g % 2000)::text, 4, '0'), 'MANAGER',
       TIMESTAMP WITH TIME ZONE '2025-01-01 20:00:00+00' + (g * INTERVAL '5 minutes'),
       TIMESTAMP WITH TIME ZONE '2025-01-01 22:00:00+00' + (g * INTERVAL '5 minutes'),
       TIMESTAMP WITH TIME ZONE '2025-01-01 20:00:00+00' + (g * INTERVAL '5 minutes'),
       TIMESTAMP WITH TIME ZONE '2025-01-01 22:00:00+00' + (g * INTERVAL '5 minutes'),
       'WORKSTATION', 0, now(), now()
FROM generate_series(0, 99999) g;
ANALYZE extension_request;
