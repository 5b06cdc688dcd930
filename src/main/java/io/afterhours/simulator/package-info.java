/**
 * The UserLock simulator (issue 6, demo and tests only): a stand-in for a UserLock server that evaluates logon attempts
 * against protected accounts, sends the webhook notifications UserLock would send, and consumes the bridge API as the
 * PowerShell bridge does. Its state lives in memory, as UserLock keeps its own; production never starts it.
 */
package io.afterhours.simulator;
