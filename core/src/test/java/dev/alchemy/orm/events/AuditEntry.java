package dev.alchemy.orm.events;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;

@Table(name = "audit_entries")
public class AuditEntry {
    @Column(primaryKey = true)
    public Integer id;

    @Column(length = 50)
    public String action;

    public AuditEntry() {}

    public AuditEntry(String action) {
        this.action = action;
    }
}
