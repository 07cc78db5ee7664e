package dev.alchemy.orm.inherit.selectin;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;

/** Joined to its superclass's queries (the default), but below Engineer, which a query of Staff leaves out. */
@Table(name = "lead")
@Polymorphic(identity = "lead")
public class Lead extends Engineer {
    @Column
    public Integer reports;

    public Lead() {}

    public Lead(String name, String language, int reports) {
        super(name, language);
        this.reports = reports;
    }
}
