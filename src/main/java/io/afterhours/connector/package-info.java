/**
 * The UserLock connector (issue 6, product.md F5): the action queue that makes UserLock hold approved windows as
 * temporary protected accounts (merged per person), and the bridge API the Windows bridge leases them through.
 */
package io.afterhours.connector;
