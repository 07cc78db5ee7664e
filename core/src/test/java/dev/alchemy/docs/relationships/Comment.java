package dev.alchemy.docs.relationships;

// A comment on a post, deleted with it by the database ({@code docs/relationships.md}).
// tag::comment[]
import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

@Table(name = "comment")
public class Comment {
    @Column(primaryKey = true)
    public Integer id;

    @Column(nullable = false)
    @ForeignKey(value = "post.id", onDelete = "CASCADE")
    public Integer postId;

    @Column(length = 100)
    public String body;

    @Relationship(backPopulates = "comments")
    public Post post;

    public Comment() {}

    public Comment(String body) {
        this.body = body;
    }
}
// end::comment[]
