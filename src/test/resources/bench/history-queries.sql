-- The history page's queries as HistoryQuery sends them (docs/benchmarks.md, "History at size").
\timing on
\o /dev/null
-- each query twice; the second (warm) time is reported
\set C 'seq, occurred_at, actor_type, actor, action, subject, details, request_id, person_account'
-- Q1 everything, first page + capped count
SELECT :C FROM audit_entry ORDER BY seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT :C FROM audit_entry ORDER BY seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry FETCH FIRST 10001 ROWS ONLY) capped;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry FETCH FIRST 10001 ROWS ONLY) capped;
-- Q2 everything, last page before the cap
SELECT :C FROM audit_entry ORDER BY seq DESC OFFSET 9975 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT :C FROM audit_entry ORDER BY seq DESC OFFSET 9975 ROWS FETCH FIRST 25 ROWS ONLY;
-- Q3 one person (account)
SELECT :C FROM audit_entry WHERE person_account = 'p0042' ORDER BY seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT :C FROM audit_entry WHERE person_account = 'p0042' ORDER BY seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE person_account = 'p0042' FETCH FIRST 10001 ROWS ONLY) capped;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE person_account = 'p0042' FETCH FIRST 10001 ROWS ONLY) capped;
-- Q4 a manager's view: 12 reports
SELECT :C FROM audit_entry WHERE person_guid IN (SELECT '00000000-0000-4000-8000-' || lpad(g::text, 12, '0') FROM generate_series(100, 111) g) ORDER BY seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT :C FROM audit_entry WHERE person_guid IN (SELECT '00000000-0000-4000-8000-' || lpad(g::text, 12, '0') FROM generate_series(100, 111) g) ORDER BY seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE person_guid IN (SELECT '00000000-0000-4000-8000-' || lpad(g::text, 12, '0') FROM generate_series(100, 111) g) FETCH FIRST 10001 ROWS ONLY) capped;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE person_guid IN (SELECT '00000000-0000-4000-8000-' || lpad(g::text, 12, '0') FROM generate_series(100, 111) g) FETCH FIRST 10001 ROWS ONLY) capped;
-- Q5 action prefix + one month
SELECT :C FROM audit_entry WHERE action LIKE 'request.%' ESCAPE '\' AND occurred_at >= '2025-03-01' AND occurred_at < '2025-04-01' ORDER BY occurred_at DESC, seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT :C FROM audit_entry WHERE action LIKE 'request.%' ESCAPE '\' AND occurred_at >= '2025-03-01' AND occurred_at < '2025-04-01' ORDER BY occurred_at DESC, seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE action LIKE 'request.%' ESCAPE '\' AND occurred_at >= '2025-03-01' AND occurred_at < '2025-04-01' FETCH FIRST 10001 ROWS ONLY) capped;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE action LIKE 'request.%' ESCAPE '\' AND occurred_at >= '2025-03-01' AND occurred_at < '2025-04-01' FETCH FIRST 10001 ROWS ONLY) capped;
-- Q6 request state DENIED
SELECT :C FROM audit_entry WHERE request_id IN (SELECT id FROM extension_request WHERE state = 'DENIED') ORDER BY seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT :C FROM audit_entry WHERE request_id IN (SELECT id FROM extension_request WHERE state = 'DENIED') ORDER BY seq DESC OFFSET 0 ROWS FETCH FIRST 25 ROWS ONLY;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE request_id IN (SELECT id FROM extension_request WHERE state = 'DENIED') FETCH FIRST 10001 ROWS ONLY) capped;
SELECT COUNT(*) FROM (SELECT 1 FROM audit_entry WHERE request_id IN (SELECT id FROM extension_request WHERE state = 'DENIED') FETCH FIRST 10001 ROWS ONLY) capped;
-- Q7 a request's timeline
SELECT :C FROM audit_entry WHERE request_id = 4242 ORDER BY seq FETCH FIRST 500 ROWS ONLY;
SELECT :C FROM audit_entry WHERE request_id = 4242 ORDER BY seq FETCH FIRST 500 ROWS ONLY;
-- Q8 one export page (keyset), deep in the table
SELECT :C FROM audit_entry WHERE seq < 500000 ORDER BY seq DESC FETCH FIRST 1000 ROWS ONLY;
SELECT :C FROM audit_entry WHERE seq < 500000 ORDER BY seq DESC FETCH FIRST 1000 ROWS ONLY;
