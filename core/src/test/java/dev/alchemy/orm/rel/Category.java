package dev.alchemy.orm.rel;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** Self-referential: a tree of categories. */
@Table(name = "categories")
public class Category {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 100)
    public String name;

    @Column
    @ForeignKey("categories.id")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public Category parent;

    @Relationship(backPopulates = "parent", cascade = "all, delete-orphan", orderBy = "name")
    public List<Category> children = new ArrayList<>();

    public Category() {}

    public Category(String name) {
        this.name = name;
    }

    public Category add(Category child) {
        children.add(child);
        return this;
    }

    @Override
    public String toString() {
        return name;
    }
}
