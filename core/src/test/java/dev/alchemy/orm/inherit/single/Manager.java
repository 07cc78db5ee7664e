package dev.alchemy.orm.inherit.single;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;

@Polymorphic(identity = "manager")
public class Manager extends Employee {
    @Column
    public int reports;

    public Manager() {}

    public Manager(String name, String title, int reports) {
        super(name, title);
        this.reports = reports;
    }
}
