-- wrk script for the webhook benchmark (docs/benchmarks.md): realistic ~600-byte UserLock notifications, unique
-- events plus a share of duplicates (exact replays and the Backup server's copies of recent events).
--   wrk -t2 -c32 -d20s --latency -s src/test/bench/webhook.lua \
--       http://127.0.0.1:8080/api/userlock/notifications -- <primary-id> <backup-id> <duplicate-share>
-- Point it at /api/bench/noop (with AFTERHOURS_BENCH_NOOP_ENABLED=true) for the no-op baseline.

local thread_count = 0

function setup(thread)
    thread_count = thread_count + 1
    thread:set("tid", thread_count)
end

function init(args)
    primary = args[1]
    backup = args[2] or args[1]
    duplicate_share = tonumber(args[3] or "0.2")
    math.randomseed(os.time() * 1000 + tid)
    run = string.format("%x%02d", os.time() % 1048576, tid)
    seq = 0
end

local function server_json(backup_copy)
    if backup_copy then
        return '{"Id":"' .. backup .. '","FQDN":"ulsrv02.corp.example.com","DisplayName":"ULSRV02"}'
    end
    return '{"Id":"' .. primary .. '","FQDN":"ulsrv01.corp.example.com","DisplayName":"ULSRV01"}'
end

local event_types = {1, 0, 1, 0, 1, 0, 1, 0, 4, 2}

local function body(n, backup_copy)
    -- Every event n gets its own EventTime (microsecond steps) and SessionId; users repeat like real staff.
    local seconds = math.floor(n / 1000000)
    local micros = n % 1000000
    local event_time = string.format("2026-11-27T%02d:%02d:%02d.%06d3+01:00",
        math.floor(seconds / 3600) % 24, math.floor(seconds / 60) % 60, seconds % 60, micros)
    return '{"Userlock":' .. server_json(backup_copy)
        .. ',"EventType":' .. event_types[(n % #event_types) + 1]
        .. ',"EventTime":"' .. event_time .. '"'
        .. ',"UserAccount":"bench-' .. run .. '-' .. (n % 500) .. '","UserDomain":"CORP"'
        .. ',"UserFullName":"Bench User ' .. (n % 500) .. '","ComputerName":"PC-' .. (n % 300) .. '"'
        .. ',"ClientName":"CLIENT-' .. (n % 300) .. '","ClientAddress":"10.1.' .. (n % 250) .. '.' .. (n % 200) .. '"'
        .. ',"SessionType":1,"SessionId":"' .. run .. '-' .. n .. '","Country":"FR"'
        .. ',"LogonInfo":"Logon outside the authorised time frames for this account (benchmark padding text)"}'
end

function request()
    local n
    local backup_copy = false
    if seq > 100 and math.random() < duplicate_share then
        n = math.random(seq - 100, seq)
        backup_copy = math.random() < 0.5
    else
        seq = seq + 1
        n = seq
    end
    return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body(n, backup_copy))
end
