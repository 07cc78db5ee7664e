package dev.alchemy.orm.criteria;

/** Models whose rows belong to a tenant: a tenant_id column. */
public interface TenantOwned {}
