package dev.alchemy.boot.autoconfigure.inheritance;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;

@Polymorphic(identity = "lead")
public class Lead extends Engineer {
    @Column
    public Integer teamSize;

    public Lead() {}

    public Lead(String name, String language, int teamSize) {
        super(name, language);
        this.teamSize = teamSize;
    }
}
