package dev.alchemy.docs.relationships;

// Many-to-many with tags, and comments deleted by the database ({@code docs/relationships.md}).
// tag::post[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@Table(name = "post")
public class Post {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false, length = 100)
    public String title;

    @Relationship(secondary = "post_tag", backPopulates = "posts")
    public Set<Tag> tags = new LinkedHashSet<>();

    @Relationship(backPopulates = "post", cascade = "all, delete-orphan", passiveDeletes = true)
    public List<Comment> comments = new ArrayList<>();

    public Post() {}

    public Post(String title) {
        this.title = title;
    }

    public Set<Tag> getTags() {
        return tags;
    }

    public List<Comment> getComments() {
        return comments;
    }
}
// end::post[]
