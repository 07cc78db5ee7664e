package dev.alchemy.orm.events;

import dev.alchemy.orm.BeforeInsert;
import java.util.ArrayList;
import java.util.List;

/** An unmapped superclass whose callback runs before the model's own. */
public abstract class CallbackBase {
    public static final List<String> CALLS = new ArrayList<>();

    @BeforeInsert
    private void baseBeforeInsert() {
        CALLS.add("base beforeInsert " + getClass().getSimpleName());
    }
}
