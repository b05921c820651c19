-- outreach's copy of the platforms each business depends on (tenant-dependencies.v1): a campaign on "any" fires only
-- for an outage of one of them.
CREATE TABLE tenant_dependency (
    tenant_id   TEXT NOT NULL,
    platform_id TEXT NOT NULL,
    PRIMARY KEY (tenant_id, platform_id)
);
