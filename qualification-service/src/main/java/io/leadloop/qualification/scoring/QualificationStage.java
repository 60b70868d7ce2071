package io.leadloop.qualification.scoring;

/** Where a lead stands after scoring. */
public enum QualificationStage {
    /** Marketing-qualified: reached the definition's threshold and is handed to sales. */
    MQL,
    /** Scored below the threshold; stays with marketing for nurturing. */
    NOT_QUALIFIED,
    /** A disqualifier applied: never handed to sales, whatever the score. */
    DISQUALIFIED
}
