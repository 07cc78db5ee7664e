package dev.alchemy.orm.rel;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.LinkedHashSet;
import java.util.Set;

/** Many-to-many: posts and tags through post_tags. */
@Table(name = "posts")
public class Post {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 100)
    public String title;

    @Relationship(secondary = "post_tags", backPopulates = "posts")
    public Set<Tag> tags = new LinkedHashSet<>();

    public Post() {}

    public Post(String title) {
        this.title = title;
    }
}
