package dev.alchemy.docs.relationships;

// Self-referential: a tree of categories ({@code docs/relationships.md}).
// tag::category[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

@Table(name = "category")
public class Category {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 100)
    public String name;

    @Column
    @ForeignKey("category.id")
    public Integer parentId;

    @Relationship(backPopulates = "children")
    public Category parent;

    @Relationship(backPopulates = "parent", cascade = "all, delete-orphan", orderBy = "name")
    public List<Category> children = new ArrayList<>();

    public Category() {}

    public Category(String name, Category... children) {
        this.name = name;
        this.children.addAll(List.of(children));
    }
}
// end::category[]
