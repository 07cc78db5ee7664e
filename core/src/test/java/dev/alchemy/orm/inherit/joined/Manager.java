package dev.alchemy.orm.inherit.joined;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Polymorphic;
import dev.alchemy.orm.Table;

@Table(name = "manager")
@Polymorphic(identity = "manager")
public class Manager extends Employee {
    @Column
    public Integer reports;

    @Column(length = 10, serverDefault = "'gold'")
    public String grade; // a server default in a subclass's table

    public Manager() {}

    public Manager(String name, String title, int reports) {
        super(name, title);
        this.reports = reports;
    }
}
