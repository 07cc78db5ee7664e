package dev.alchemy.orm.clinic;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import org.jspecify.annotations.Nullable;

/** A visit of a pet to the clinic. */
@Table(name = "visits")
public class Visit extends PetEvent {
    @Column(length = 255)
    private @Nullable String description;

    public Visit() {}

    public Visit(String description) {
        this.description = description;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public void setDescription(@Nullable String description) {
        this.description = description;
    }
}
