package dev.alchemy.orm.rel;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

/** The other side of posts and tags. */
@Table(name = "tags")
public class Tag {
    @Column(primaryKey = true)
    public Integer id;

    @Column(unique = true, length = 100)
    public String name;

    @Relationship(secondary = "post_tags", backPopulates = "tags")
    public List<Post> posts = new ArrayList<>();

    public Tag() {}

    public Tag(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return "Tag(" + name + ")";
    }
}
