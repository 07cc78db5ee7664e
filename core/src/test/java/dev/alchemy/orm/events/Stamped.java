package dev.alchemy.orm.events;

import java.time.LocalDateTime;

/** Models with audit timestamps, set by one listener registered for this interface. */
public interface Stamped {
    void created(LocalDateTime at);

    void updated(LocalDateTime at);
}
