package dev.alchemy.boot.autoconfigure.inheritance;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;

@Polymorphic(identity = "engineer")
public class Engineer extends Staff {
    @Column(length = 20)
    public String language;

    public Engineer() {}

    public Engineer(String name, String language) {
        super(name);
        this.language = language;
    }
}
