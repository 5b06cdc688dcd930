<#
.SYNOPSIS
    Afterhours bridge: applies approved logon extensions to UserLock and reports back (docs/bridge.md).

.DESCRIPTION
    Leases actions from the Afterhours bridge API (docs/bridge-api.md), applies each one with the UserLock cmdlets on
    the Primary UserLock server, verifies the result and reports it. Every few minutes it also reports the temporary
    protected accounts that carry an Afterhours key (inventory), so the portal can show drift.

    Safety rule, checked by the build (BridgeScriptTest): values that come from the API reach the UserLock cmdlets
    only as parameters, by splatting hashtables. They are never placed in a command string, never run through
    Invoke-Expression, a script block built from text or a child PowerShell.

.PARAMETER ConfigPath
    JSON settings file (see AfterhoursBridge.example.json). Parameters given on the command line win over it.

.PARAMETER Loop
    Keep running, one cycle every LoopSeconds, instead of one cycle (the scheduled-task mode).

.PARAMETER DryRun
    Lease nothing and change nothing: check the portal (ping), read the UserLock inventory and print it without
    sending it. With -ActionFile, print the cmdlet calls (with their splatted parameters) the bridge would make
    for the actions in that file (a lease response, e.g. the example in docs/bridge-api.md).

.PARAMETER SaveToken
    Ask for the bridge token and store it DPAPI-protected in TokenFile (readable only by this Windows account on
    this machine). Run it as the account the scheduled task runs as.
#>
[CmdletBinding()]
param(
    [string] $ConfigPath = (Join-Path $PSScriptRoot 'AfterhoursBridge.json'),
    [string] $PortalUrl,
    [string] $BridgeName,
    [string] $UserLockServerName,
    [string] $TokenFile,
    [string] $TokenEnvironmentVariable,
    [int] $InventoryMinutes,
    [switch] $Loop,
    [switch] $DryRun,
    [string] $ActionFile,
    [switch] $SaveToken
)

# Version 1 only: the API may omit optional fields, which stricter modes turn into errors.
Set-StrictMode -Version 1.0
$ErrorActionPreference = 'Stop'

# =====================================================================================================================
# UNCONFIRMED UserLock names (userlock.md §3.2-§4). Every UserLock property name and value format this script relies
# on, that the UserLock documentation does not confirm, is here and nowhere else. The manual connector renders the
# same names in Java (io.afterhours.connector.manual.ManualCommands.UserLockNames); BridgeScriptTest checks that both
# agree, so change them together.
# How to discover the real names on a TEST UserLock server: create a temporary protected account in the console with
# authorised hours and an overtime action, then run
#     Get-UserLockProtectedAccount -Name 'CORP\jdoe' | Format-List *
#     Get-UserLockProtectedAccount -Name 'CORP\jdoe' | Get-Member
# and compare the property names and values with the ones below.
# =====================================================================================================================
$UserLockProperty = @{
    # UNCONFIRMED: property switching the hour restrictions to "Authorised time frames" mode.
    HoursMode      = 'HoursMode'
    # UNCONFIRMED: property holding the time frames (days, start, end, session types).
    Hours          = 'Hours'
    # UNCONFIRMED as a cmdlet property; the .NET API names it ExpirationActionNew (ExpirationActionEnum).
    OvertimeAction = 'ExpirationActionNew'
    # UNCONFIRMED: free-text property where the accountKey (AH-...) is stored, to find the account again.
    Comment        = 'Comment'
    # UNCONFIRMED: property of the returned object holding UserLock's identifier (accepted by -Name, §3.2).
    Identifier     = 'Id'
    # UNCONFIRMED: properties of the returned object holding the account name and the temporary window.
    AccountName    = 'Name'
    StartDate      = 'StartDate'
    EndDate        = 'EndDate'
}
$UserLockValue = @{
    # UNCONFIRMED: value of HoursMode for "Authorised time frames".
    HoursModeAuthorised = 'Authorized'
    # UNCONFIRMED: one time frame = every day, midnight to midnight (the whole day), then the session types.
    # {0} = the session types joined with SessionTypeSeparator.
    WholeDayTimeFrame   = 'Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday;00:00;00:00;{0}'
    SessionTypeSeparator = ','
    # UNCONFIRMED: UserLock's names of the session types (the API sends the keys).
    SessionTypes        = @{ WORKSTATION = 'Workstation'; TERMINAL = 'Terminal'; INTERACTIVE = 'Interactive'; WIFI_VPN = 'WifiVpn'; IIS = 'Iis' }
    # ExpirationActionEnum names from the .NET API (confirmed there); UNCONFIRMED that the cmdlet takes them as text.
    OvertimeActions     = @{ LOGOFF = 'Logoff'; LOCK = 'Lock'; NOTHING = 'DoNothing' }
    # UNCONFIRMED: how Get-UserLockProtectedAccount says "no such account" (an error, or just no output). Errors that
    # match this pattern count as "none"; any other error (server unreachable, no rights) fails the action, so a
    # REMOVE is never reported done because UserLock could not be read.
    NotFoundPattern     = 'not found|cannot find|does not exist|no protected account'
}
# UNCONFIRMED: the zone UserLock reads StartDate/EndDate in. $true = server local time: pass window.startLocal/endLocal
# (the portal computes them in afterhours.userlock.zone, which must then be the UserLock server's zone).
# $false = pass the UTC instants window.start/end.
$UserLockDatesAreLocal = $true
# UNCONFIRMED (userlock.md §3.3): whether Set-UserLockProtectedAccount can change the dates of a temporary account.
# Until confirmed, a changed window is applied by removing the old temporary account and creating the new one.
# =====================================================================================================================

$ApiBase = '/api/bridge/v1'
$AccountKeyPattern = '^AH-[A-Za-z0-9]{1,60}$'
$MaxReportChars = 8000

# Our own validation failures: the action can never succeed as sent, so it is reported as not retryable.
class BridgePermanentError : System.Exception {
    BridgePermanentError([string] $message) : base($message) { }
}

# ---------------------------------------------------------------------------------------------------------------------
# Settings, token, logging
# ---------------------------------------------------------------------------------------------------------------------

function Read-BridgeSettings($Given) {
    $settings = @{
        PortalUrl                = $null
        BridgeName               = $env:COMPUTERNAME
        UserLockServerName       = $null
        TokenEnvironmentVariable = 'AFTERHOURS_BRIDGE_TOKEN'
        TokenFile                = (Join-Path $env:ProgramData 'Afterhours\bridge.token')
        InventoryMinutes         = 15
        LeaseMax                 = 10
        LeaseSeconds             = 300
        LoopSeconds              = 60
        LogDirectory             = (Join-Path $env:ProgramData 'Afterhours\logs')
        StateDirectory           = (Join-Path $env:ProgramData 'Afterhours')
        EventLogSource           = 'AfterhoursBridge'
        AllowHttp                = $false
        UserLockModule           = 'UserLock'
    }
    if (Test-Path -LiteralPath $ConfigPath) {
        $file = Get-Content -LiteralPath $ConfigPath -Raw -Encoding UTF8 | ConvertFrom-Json
        foreach ($property in $file.PSObject.Properties) {
            if (-not $settings.ContainsKey($property.Name)) { throw "Unknown setting in ${ConfigPath}: $($property.Name)" }
            $settings[$property.Name] = $property.Value
        }
    }
    foreach ($name in 'PortalUrl', 'BridgeName', 'UserLockServerName', 'TokenFile', 'TokenEnvironmentVariable', 'InventoryMinutes') {
        if ($Given.ContainsKey($name)) { $settings[$name] = $Given[$name] }
    }
    if (-not $settings.PortalUrl) { throw 'PortalUrl is not set (settings file or -PortalUrl).' }
    if (-not $settings.UserLockServerName) { throw 'UserLockServerName (the Primary UserLock server) is not set.' }
    if ($settings.BridgeName -notmatch '^[A-Za-z0-9._-]{1,64}$') { throw 'BridgeName must be 1-64 characters [A-Za-z0-9._-].' }
    $uri = [Uri] $settings.PortalUrl
    # The token travels in every request: refuse plain HTTP unless explicitly allowed (a local simulator).
    if ($uri.Scheme -ne 'https' -and -not $settings.AllowHttp) { throw 'PortalUrl must use https (or set AllowHttp for a test portal).' }
    $settings.PortalUrl = $settings.PortalUrl.TrimEnd('/')
    return $settings
}

function Get-BridgeToken([hashtable] $Settings) {
    $fromEnvironment = [Environment]::GetEnvironmentVariable($Settings.TokenEnvironmentVariable)
    if ($fromEnvironment) { return $fromEnvironment.Trim() }
    if (Test-Path -LiteralPath $Settings.TokenFile) {
        # DPAPI (ConvertFrom-SecureString without a key): only this Windows account on this machine can read it.
        $secure = (Get-Content -LiteralPath $Settings.TokenFile -Raw).Trim() | ConvertTo-SecureString
        $pointer = [Runtime.InteropServices.Marshal]::SecureStringToBSTR($secure)
        try { return [Runtime.InteropServices.Marshal]::PtrToStringBSTR($pointer) }
        finally { [Runtime.InteropServices.Marshal]::ZeroFreeBSTR($pointer) }
    }
    throw "No bridge token: set the environment variable $($Settings.TokenEnvironmentVariable) or run -SaveToken."
}

function Save-BridgeToken([hashtable] $Settings) {
    $secure = Read-Host -Prompt 'Bridge token' -AsSecureString
    $directory = Split-Path -Parent $Settings.TokenFile
    if (-not (Test-Path -LiteralPath $directory)) { New-Item -ItemType Directory -Path $directory | Out-Null }
    ConvertFrom-SecureString -SecureString $secure | Set-Content -LiteralPath $Settings.TokenFile -Encoding ASCII
    Write-Host "Token saved DPAPI-protected in $($Settings.TokenFile) for $env:USERDOMAIN\$env:USERNAME."
}

function Write-BridgeLog([string] $Level, [string] $Message) {
    $line = '{0:yyyy-MM-ddTHH:mm:ss.fffK} {1,-5} {2}' -f (Get-Date), $Level, $Message
    Write-Host $line
    try {
        if (-not (Test-Path -LiteralPath $Settings.LogDirectory)) { New-Item -ItemType Directory -Path $Settings.LogDirectory | Out-Null }
        $file = Join-Path $Settings.LogDirectory 'AfterhoursBridge.log'
        # Rotate at 5 MB, keep 5 old files.
        if ((Test-Path -LiteralPath $file) -and (Get-Item -LiteralPath $file).Length -gt 5MB) {
            for ($i = 4; $i -ge 1; $i--) {
                $older = "$file.$i"
                if (Test-Path -LiteralPath $older) { Move-Item -LiteralPath $older -Destination "$file.$($i + 1)" -Force }
            }
            Move-Item -LiteralPath $file -Destination "$file.1" -Force
        }
        Add-Content -LiteralPath $file -Value $line -Encoding UTF8
    } catch {
        Write-Warning "Cannot write the log file: $($_.Exception.Message)"
    }
    if ($Level -in 'WARN', 'ERROR') {
        # The event log source must be created once by an administrator (docs/bridge.md); without it, file only.
        try {
            if ([Diagnostics.EventLog]::SourceExists($Settings.EventLogSource)) {
                $type = if ($Level -eq 'ERROR') { [Diagnostics.EventLogEntryType]::Error } else { [Diagnostics.EventLogEntryType]::Warning }
                [Diagnostics.EventLog]::WriteEntry($Settings.EventLogSource, $Message, $type, 1000)
            }
        } catch {
            Write-Verbose "No event log: $($_.Exception.Message)"
        }
    }
}

function Limit-Text([string] $Text) {
    if ($null -eq $Text) { return $null }
    if ($Text.Length -le $MaxReportChars) { return $Text }
    return $Text.Substring(0, $MaxReportChars)
}

# ---------------------------------------------------------------------------------------------------------------------
# Bridge API
# ---------------------------------------------------------------------------------------------------------------------

function Invoke-BridgeApi([string] $Method, [string] $Path, $Body) {
    $request = @{
        Method      = $Method
        Uri         = $Settings.PortalUrl + $ApiBase + $Path
        Headers     = @{ Authorization = 'Bearer ' + $Token; 'X-Afterhours-Bridge' = $Settings.BridgeName }
        ContentType = 'application/json; charset=utf-8'
        TimeoutSec  = 60
    }
    if ($null -ne $Body) {
        # Bytes, not a string: Windows PowerShell 5.1 would otherwise send the body in ISO-8859-1.
        $request.Body = [Text.Encoding]::UTF8.GetBytes((ConvertTo-Json -InputObject $Body -Depth 6 -Compress))
    }
    return Invoke-RestMethod @request
}

function Get-HttpStatus($ErrorRecord) {
    $response = $ErrorRecord.Exception.Response
    if ($null -eq $response) { return 0 }
    return [int] $response.StatusCode
}

function Send-ActionResult($Action, [hashtable] $Result) {
    $Result.lease = $Action.lease
    $path = '/actions/{0}/result' -f [long] $Action.id
    try {
        Invoke-BridgeApi -Method 'POST' -Path $path -Body $Result | Out-Null
    } catch {
        if ((Get-HttpStatus $_) -eq 409) {
            # The lease ran out and someone else has the action now: the portal ignores this report, by design.
            Write-BridgeLog 'WARN' "Action $($Action.id): lease no longer valid, result not recorded (it will be re-applied)."
        } else {
            throw
        }
    }
}

# ---------------------------------------------------------------------------------------------------------------------
# Values from the API -> cmdlet parameters (validated, never turned into script text)
# ---------------------------------------------------------------------------------------------------------------------

function ConvertTo-BridgeDate($Value, [bool] $Utc) {
    # PowerShell 7 already turns ISO strings into DateTime in ConvertFrom-Json; 5.1 leaves strings.
    if ($Value -is [datetime]) {
        if ($Utc) { return $Value.ToUniversalTime() }
        return [datetime]::SpecifyKind($Value, [DateTimeKind]::Unspecified)
    }
    $styles = if ($Utc) { [Globalization.DateTimeStyles]'AdjustToUniversal, AssumeUniversal' } else { [Globalization.DateTimeStyles]::None }
    $formats = [string[]]('yyyy-MM-ddTHH:mm:ss', 'yyyy-MM-ddTHH:mm:ss.FFFFFFF', 'yyyy-MM-ddTHH:mm:ssK', 'yyyy-MM-ddTHH:mm:ss.FFFFFFFK')
    return [datetime]::ParseExact([string] $Value, $formats, [Globalization.CultureInfo]::InvariantCulture, $styles)
}

function Get-WindowDates($Window) {
    if ($UserLockDatesAreLocal) {
        return @{ Start = (ConvertTo-BridgeDate $Window.startLocal $false); End = (ConvertTo-BridgeDate $Window.endLocal $false) }
    }
    return @{ Start = (ConvertTo-BridgeDate $Window.start $true); End = (ConvertTo-BridgeDate $Window.end $true) }
}

function Format-ApiInstant($Value) {
    return (ConvertTo-BridgeDate $Value $true).ToString('yyyy-MM-ddTHH:mm:ssZ', [Globalization.CultureInfo]::InvariantCulture)
}

# Dates read from UserLock: with local dates, converted with this host's zone (run the bridge in the server's zone).
function Format-Instant($Value) {
    if ($null -eq $Value) { return $null }
    $Value = [datetime] $Value
    if ($UserLockDatesAreLocal) { $Value = [datetime]::SpecifyKind($Value, [DateTimeKind]::Local) }
    return $Value.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ', [Globalization.CultureInfo]::InvariantCulture)
}

function Assert-Action($Action) {
    if ($Action.type -notin 'APPLY', 'REMOVE') { throw [BridgePermanentError]::new("Unknown action type: $($Action.type)") }
    # DOMAIN\sAMAccountName: without the domain UserLock looks for a local account (userlock.md §3.2). No wildcards
    # (the cmdlets expand them in -Name, and AD does not allow them in account names anyway).
    if ([string] $Action.account -notmatch '^[^\\*?\[\]]+\\[^\\*?\[\]]+$') { throw [BridgePermanentError]::new('account must be DOMAIN\name, without wildcards') }
    if ([string] $Action.accountKey -notmatch $AccountKeyPattern) { throw [BridgePermanentError]::new('accountKey must look like AH-...') }
}

function Get-HoursValue($SessionTypes) {
    $names = foreach ($type in @($SessionTypes)) {
        if (-not $UserLockValue.SessionTypes.ContainsKey([string] $type)) { throw [BridgePermanentError]::new("Unknown session type: $type") }
        $UserLockValue.SessionTypes[[string] $type]
    }
    if (@($names).Count -eq 0) { throw [BridgePermanentError]::new('sessionTypes is empty') }
    return $UserLockValue.WholeDayTimeFrame -f ($names -join $UserLockValue.SessionTypeSeparator)
}

function Get-OvertimeValue([string] $OvertimeAction) {
    if (-not $UserLockValue.OvertimeActions.ContainsKey($OvertimeAction)) { throw [BridgePermanentError]::new("Unknown overtimeAction: $OvertimeAction") }
    return $UserLockValue.OvertimeActions[$OvertimeAction]
}

# ---------------------------------------------------------------------------------------------------------------------
# UserLock (every call splats a hashtable; writes go to the Primary only, userlock.md §3.2)
# ---------------------------------------------------------------------------------------------------------------------

function Test-WriteAllowed([string] $Cmdlet, [hashtable] $Parameters) {
    if (-not $DryRun) { return $true }
    $shown = ($Parameters.GetEnumerator() | Sort-Object Name | ForEach-Object { '-{0} <{1}>' -f $_.Key, $_.Value }) -join ' '
    Write-BridgeLog 'DRY' "$Cmdlet $shown"
    return $false
}

function Get-TemporaryAccounts([string] $Account) {
    $query = @{ Name = $Account; Type = 'User'; UserLockServerName = $Settings.UserLockServerName; ErrorAction = 'Stop' }
    try {
        $found = @(Get-UserLockProtectedAccount @query)
    } catch {
        if ($_.Exception.Message -notmatch $UserLockValue.NotFoundPattern) { throw }
        $found = @()
    }
    return @($found | Where-Object { $null -ne $_.($UserLockProperty.StartDate) })
}

function Find-TemporaryAccount($Action, [hashtable] $Target) {
    $candidates = Get-TemporaryAccounts ([string] $Action.account)
    # 1. The key we wrote: survives retries and re-deliveries, so an action applied twice finds its own account.
    $byKey = @($candidates | Where-Object { $_.($UserLockProperty.Comment) -eq $Action.accountKey })
    if ($byKey.Count -gt 0) { return $byKey[0] }
    # 2. The window the portal says is applied, then the window we are about to apply (created before a crash, key
    #    not yet written), then UserLock's identifier from the last report.
    $windows = @()
    if ($null -ne $Action.previousWindow) { $windows += , (Get-WindowDates $Action.previousWindow) }
    if ($null -ne $Target) { $windows += , $Target }
    foreach ($window in $windows) {
        $match = @($candidates | Where-Object { $_.($UserLockProperty.StartDate) -eq $window.Start -and $_.($UserLockProperty.EndDate) -eq $window.End })
        if ($match.Count -gt 0) { return $match[0] }
    }
    if ($Action.userLockId) {
        $byId = @($candidates | Where-Object { [string] $_.($UserLockProperty.Identifier) -eq [string] $Action.userLockId })
        if ($byId.Count -gt 0) { return $byId[0] }
    }
    return $null
}

function Remove-TemporaryAccount([string] $Account, $Existing) {
    $remove = @{
        Name               = $Account
        Type               = 'User'
        StartDate          = $Existing.($UserLockProperty.StartDate)
        EndDate            = $Existing.($UserLockProperty.EndDate)
        UserLockServerName = $Settings.UserLockServerName
        Force              = $true
        Confirm            = $false
    }
    if (Test-WriteAllowed 'Remove-UserLockProtectedAccount' $remove) { Remove-UserLockProtectedAccount @remove | Out-Null }
}

function Set-AccountProperty([string] $Account, [hashtable] $Target, [string] $Property, [string] $Value) {
    $set = @{
        Name               = $Account
        Type               = 'User'
        StartDate          = $Target.Start
        EndDate            = $Target.End
        Property           = $Property
        Value              = $Value
        UserLockServerName = $Settings.UserLockServerName
        Force              = $true
        Confirm            = $false
    }
    if (Test-WriteAllowed 'Set-UserLockProtectedAccount' $set) { Set-UserLockProtectedAccount @set | Out-Null }
}

function Invoke-Apply($Action) {
    $account = [string] $Action.account
    $target = Get-WindowDates $Action.window
    if ($target.End -le $target.Start) { throw [BridgePermanentError]::new('window ends before it starts') }
    $hours = Get-HoursValue $Action.sessionTypes
    $overtime = Get-OvertimeValue ([string] $Action.overtimeAction)

    $existing = Find-TemporaryAccount $Action $target
    if ($null -ne $existing -and ($existing.($UserLockProperty.StartDate) -ne $target.Start -or $existing.($UserLockProperty.EndDate) -ne $target.End)) {
        # Window changed (merged, shortened): re-create, see the UNCONFIRMED note about changing dates at the top.
        Write-BridgeLog 'INFO' "Action $($Action.id): window changed, replacing the temporary account."
        Remove-TemporaryAccount $account $existing
        $existing = $null
    }
    if ($null -eq $existing) {
        $create = @{
            Name               = $account
            Type               = 'User'
            StartDate          = $target.Start
            EndDate            = $target.End
            UserLockServerName = $Settings.UserLockServerName
            PassThru           = $true
            Confirm            = $false
        }
        if (Test-WriteAllowed 'New-UserLockProtectedAccount' $create) { New-UserLockProtectedAccount @create | Out-Null }
    }
    # Authorise the whole day inside the window, so the window itself is the limit: a user-level temporary account
    # in authorised mode replaces the group's normal hours for its whole window (userlock.md §3.4).
    Set-AccountProperty $account $target $UserLockProperty.HoursMode $UserLockValue.HoursModeAuthorised
    Set-AccountProperty $account $target $UserLockProperty.Hours $hours
    Set-AccountProperty $account $target $UserLockProperty.OvertimeAction $overtime
    Set-AccountProperty $account $target $UserLockProperty.Comment ([string] $Action.accountKey)
    if ($DryRun) { return $null }

    # Verify: read back the account we wrote and the user's effective restrictions.
    $applied = @(Get-TemporaryAccounts $account | Where-Object { $_.($UserLockProperty.StartDate) -eq $target.Start -and $_.($UserLockProperty.EndDate) -eq $target.End })
    if ($applied.Count -ne 1) { throw "Verification failed: expected one temporary account for the window, found $($applied.Count)." }
    $effectiveQuery = @{ Name = $account; UserLockServerName = $Settings.UserLockServerName }
    $effective = Get-UserLockProtectedAccountEffective @effectiveQuery | Format-List * | Out-String
    return @{
        outcome    = 'SUCCEEDED'
        userLockId = [string] $applied[0].($UserLockProperty.Identifier)
        effective  = @{ start = (Format-ApiInstant $Action.window.start); end = (Format-ApiInstant $Action.window.end); hours = (Limit-Text $effective.Trim()) }
        log        = (Limit-Text ("{0} {1}; {2} = {3}; {4} = {5}" -f $account, $Action.accountKey, $UserLockProperty.Hours, $hours, $UserLockProperty.OvertimeAction, $overtime))
    }
}

function Invoke-Remove($Action) {
    $account = [string] $Action.account
    $applied = if ($null -ne $Action.window) { Get-WindowDates $Action.window } else { $null }
    $existing = Find-TemporaryAccount $Action $applied
    if ($null -ne $existing) { Remove-TemporaryAccount $account $existing }
    if ($DryRun) { return $null }
    if ($null -ne (Find-TemporaryAccount $Action $applied)) { throw 'Verification failed: the temporary account is still there.' }
    # Already gone (removed in the console, or a repeated REMOVE) counts as success: the goal state holds.
    return @{ outcome = 'SUCCEEDED'; userLockId = $null; log = "$account $($Action.accountKey) removed" }
}

function Invoke-Action($Action) {
    Write-BridgeLog 'INFO' ("Action {0} {1} {2} {3} attempt {4} requests {5} zone {6}" -f $Action.id, $Action.type, $Action.account, $Action.accountKey, $Action.attempt, (@($Action.requests) -join ','), $Action.window.zone)
    try {
        if ($null -ne $Action.leaseExpiresAt -and (ConvertTo-BridgeDate $Action.leaseExpiresAt $true) -lt [datetime]::UtcNow) {
            Write-BridgeLog 'WARN' "Action $($Action.id): lease already expired, skipped."
            return
        }
        Assert-Action $Action
        $result = if ($Action.type -eq 'APPLY') { Invoke-Apply $Action } else { Invoke-Remove $Action }
        if ($DryRun) { return }
        Send-ActionResult $Action $result
        Write-BridgeLog 'INFO' "Action $($Action.id): SUCCEEDED"
    } catch {
        $message = ($_ | Out-String).Trim()
        Write-BridgeLog 'ERROR' "Action $($Action.id): FAILED $message"
        if ($DryRun) { return }
        $retryable = -not ($_.Exception -is [BridgePermanentError])
        Send-ActionResult $Action @{ outcome = 'FAILED'; error = (Limit-Text $message); retryable = $retryable }
    }
}

# ---------------------------------------------------------------------------------------------------------------------
# Inventory
# ---------------------------------------------------------------------------------------------------------------------

function Get-Inventory {
    $query = @{ UserLockServerName = $Settings.UserLockServerName }
    $accounts = foreach ($found in @(Get-UserLockProtectedAccount @query)) {
        $key = [string] $found.($UserLockProperty.Comment)
        if ($key -notmatch $AccountKeyPattern -or $null -eq $found.($UserLockProperty.StartDate)) { continue }
        @{
            account    = [string] $found.($UserLockProperty.AccountName)
            accountKey = $key
            userLockId = [string] $found.($UserLockProperty.Identifier)
            start      = (Format-Instant $found.($UserLockProperty.StartDate))
            end        = (Format-Instant $found.($UserLockProperty.EndDate))
        }
    }
    return @{ takenAt = [datetime]::UtcNow.ToString('yyyy-MM-ddTHH:mm:ssZ'); accounts = @($accounts | Where-Object { $null -ne $_ } | Select-Object -First 5000) }
}

function Send-InventoryIfDue {
    $stamp = Join-Path $Settings.StateDirectory 'last-inventory.txt'
    if (-not $DryRun -and (Test-Path -LiteralPath $stamp)) {
        $last = (Get-Item -LiteralPath $stamp).LastWriteTimeUtc
        if ([datetime]::UtcNow - $last -lt [timespan]::FromMinutes([int] $Settings.InventoryMinutes)) { return }
    }
    $inventory = Get-Inventory
    if ($DryRun) {
        Write-BridgeLog 'DRY' ("Inventory (not sent): " + (ConvertTo-Json -InputObject $inventory -Depth 4 -Compress))
        return
    }
    Invoke-BridgeApi -Method 'POST' -Path '/inventory' -Body $inventory | Out-Null
    if (-not (Test-Path -LiteralPath $Settings.StateDirectory)) { New-Item -ItemType Directory -Path $Settings.StateDirectory | Out-Null }
    Set-Content -LiteralPath $stamp -Value $inventory.takenAt
    Write-BridgeLog 'INFO' "Inventory sent: $(@($inventory.accounts).Count) accounts."
}

# ---------------------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------------------

function Invoke-Cycle {
    $ping = Invoke-BridgeApi -Method 'GET' -Path '/ping' -Body $null
    Write-BridgeLog 'INFO' "Portal reachable: serverTime $($ping.serverTime), bridge $($ping.bridge)."
    if ($DryRun) {
        if ($ActionFile) {
            $sample = Get-Content -LiteralPath $ActionFile -Raw -Encoding UTF8 | ConvertFrom-Json
            foreach ($action in @($sample.actions)) { Invoke-Action $action }
        }
    } else {
        $leased = Invoke-BridgeApi -Method 'POST' -Path '/actions/lease' -Body @{ max = [int] $Settings.LeaseMax; leaseSeconds = [int] $Settings.LeaseSeconds }
        foreach ($action in @($leased.actions)) { Invoke-Action $action }
    }
    Send-InventoryIfDue
}

$Settings = Read-BridgeSettings $PSBoundParameters
if ($SaveToken) { Save-BridgeToken $Settings; return }
$Token = Get-BridgeToken $Settings
# Windows PowerShell 5.1 may default to TLS 1.0: allow 1.2 and, where .NET knows it, 1.3.
[Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
try { [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls13 } catch { Write-Verbose 'TLS 1.3 not available.' }
if (-not (Get-Command -Name 'New-UserLockProtectedAccount' -ErrorAction SilentlyContinue)) { Import-Module -Name $Settings.UserLockModule }

do {
    try {
        Invoke-Cycle
    } catch {
        Write-BridgeLog 'ERROR' ("Cycle failed: " + ($_ | Out-String).Trim())
        if (-not $Loop) { exit 1 }
    }
    if ($Loop) { Start-Sleep -Seconds ([int] $Settings.LoopSeconds) }
} while ($Loop)
