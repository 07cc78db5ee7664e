package dev.alchemy.orm.model;

import dev.alchemy.orm.Column;
import dev.alchemy.orm.Table;
import dev.alchemy.orm.Version;

/** A versioned model with a column named as a flush names the version's WHERE parameter ({@code version_version}). */
@Table(name = "clash_versioned")
public class ClashVersioned {
    @Column(primaryKey = true)
    public Integer id;

    @Version
    @Column
    public Integer version;

    @Column(name = "version_version")
    public Integer versionVersion;

    public ClashVersioned() {}

    public ClashVersioned(int id, int versionVersion) {
        this.id = id;
        this.versionVersion = versionVersion;
    }
}
