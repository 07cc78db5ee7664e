package dev.alchemy.boot.autoconfigure.observation;

import io.micrometer.observation.Observation;

/** What an observation of a flush knows: the rows it inserted, updated and deleted, set when it ends. */
public final class FlushContext extends Observation.Context {

    private int inserted;
    private int updated;
    private int deleted;

    /** A flush that has written nothing yet. */
    public FlushContext() {}

    void rows(int inserted, int updated, int deleted) {
        this.inserted = inserted;
        this.updated = updated;
        this.deleted = deleted;
    }

    /** @return rows inserted */
    public int getInserted() {
        return inserted;
    }

    /** @return rows updated */
    public int getUpdated() {
        return updated;
    }

    /** @return rows deleted */
    public int getDeleted() {
        return deleted;
    }
}
