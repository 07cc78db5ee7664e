package dev.alchemy.orm.criteria;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.ForeignKey;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;

@Table(name = "tasks")
public class Task implements TenantOwned, SoftDeleted {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 10, nullable = false)
    public String tenantId;

    @Column
    @ForeignKey("projects.id")
    public Integer projectId;

    @Column(length = 50)
    public String title;

    @Column(nullable = false)
    public Boolean deleted = false;

    @Relationship(backPopulates = "tasks")
    public Project project;

    public Task() {}

    public Task(String title, boolean deleted) {
        this.title = title;
        this.deleted = deleted;
    }
}
