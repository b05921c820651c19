package dev.lifeline.outreach.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One platform's membership of a group of platforms that fail together (table platform_group). */
@Entity
@Table(name = "platform_group")
public class PlatformGroupMember {

    @Id
    @Column(name = "platform_id")
    public String platformId;

    @Column(name = "group_id", nullable = false)
    public String groupId;
}
