package io.afterhours.audit.control;

/**
 * Where the walk of the chain begins: entry 1 linked to the genesis hash, or, after the retention purge removed the
 * oldest entries, the first entry kept linked to the hash a checkpoint recorded. {@code chainFirst} is the hash of
 * entry 1 whether or not it still exists: it names the chain in the anchor file. {@code problem} is set when entries
 * are missing at the start and no checkpoint accounts for them.
 */
public record ChainStart(long firstSeq, String previousHash, String chainFirst, String problem) {

    static ChainStart empty() {
        return new ChainStart(1, AuditHashing.GENESIS, null, null);
    }

    static ChainStart fromGenesis(String firstHash) {
        return new ChainStart(1, AuditHashing.GENESIS, firstHash, null);
    }

    static ChainStart after(AuditCheckpoint checkpoint) {
        return new ChainStart(checkpoint.throughSeq() + 1, checkpoint.throughHash(), checkpoint.chainFirst(), null);
    }

    /** Entries 1 to {@code lowest - 1} are gone and no checkpoint says so; the lowest entry still names the chain. */
    static ChainStart unaccounted(long lowest, String lowestHash) {
        return new ChainStart(
                lowest,
                AuditHashing.GENESIS,
                lowestHash,
                "entries 1 to " + (lowest - 1) + " are missing and no checkpoint accounts for them");
    }

    public boolean accounted() {
        return problem == null;
    }
}
