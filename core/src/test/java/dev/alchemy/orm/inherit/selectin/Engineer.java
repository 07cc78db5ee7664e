package dev.alchemy.orm.inherit.selectin;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Loading;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;

/** Loaded by selectin: a query of Staff leaves table engineer (and lead) out and reads them after, by key. */
@Table(name = "engineer")
@Polymorphic(identity = "engineer", load = Loading.SELECTIN)
public class Engineer extends Staff {
    @Column(length = 20, nullable = false)
    public String language;

    public Engineer() {}

    public Engineer(String name, String language) {
        super(name);
        this.language = language;
    }
}
