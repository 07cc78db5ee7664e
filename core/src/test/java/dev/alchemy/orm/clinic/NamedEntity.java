package dev.alchemy.orm.clinic;

import dev.alchemy.orm.Column;
import org.jspecify.annotations.Nullable;

/** Not mapped itself: a name on top of the id. */
public class NamedEntity extends BaseEntity {
    @Column(length = 30)
    private @Nullable String name;

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }
}
