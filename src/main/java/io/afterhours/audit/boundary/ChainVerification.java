package io.afterhours.audit.boundary;

/**
 * The result of walking the audit chain. When broken, {@code firstBrokenSeq} is the first entry whose link does not
 * hold and {@code problem} says how (edited content, a missing or reordered entry, a head that disagrees).
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {

    public static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, null);
    }

    public static ChainVerification broken(long checked, long seq, String problem) {
        return new ChainVerification(false, checked, seq, problem);
    }
}
