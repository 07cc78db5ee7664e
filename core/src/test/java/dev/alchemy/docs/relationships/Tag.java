package dev.alchemy.docs.relationships;

// The other side of posts and tags ({@code docs/relationships.md}).
// tag::tag[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

@Table(name = "tag")
public class Tag {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, unique = true, length = 100)
    public String name;

    @Relationship(secondary = "post_tag", backPopulates = "tags")
    public List<Post> posts = new ArrayList<>();

    public Tag() {}

    public Tag(String name) {
        this.name = name;
    }
}
// end::tag[]
