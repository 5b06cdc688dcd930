/**
 * The manual connector (issue 6), for sites without a bridge: an action becomes the exact PowerShell lines an
 * administrator pastes on a host with the UserLock console, with every value a quoted literal, then the administrator
 * confirms in the portal. Pure rendering, no dependencies; the same UserLock names as the PowerShell bridge
 * ({@code src/main/powershell/AfterhoursBridge.ps1}).
 */
package io.afterhours.connector.manual;
