package dev.alchemy.orm.criteria;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Relationship;
import dev.alchemy.orm.Table;
import java.util.ArrayList;
import java.util.List;

@Table(name = "projects")
public class Project implements TenantOwned {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 10, nullable = false)
    public String tenantId;

    @Column(length = 50)
    public String name;

    @Relationship(backPopulates = "project", cascade = "all, delete-orphan", orderBy = "title")
    public List<Task> tasks = new ArrayList<>();

    public Project() {}

    public Project(String tenantId, String name, Task... tasks) {
        this.tenantId = tenantId;
        this.name = name;
        for (Task t : tasks) {
            t.tenantId = tenantId;
            this.tasks.add(t);
        }
    }
}
