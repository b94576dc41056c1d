package com.onyxos.vault.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Per-asset ROI: sends, unlocks, revenue (minor units) and conversion. */
@Entity
@Table(name = "vault_performance")
public class VaultPerformance {

    @Id
    @Column(name = "asset_id")
    public UUID assetId;

    @Column(name = "agency_id", nullable = false, updatable = false)
    public UUID agencyId;

    @Column(name = "times_sent", nullable = false)
    public long timesSent;

    @Column(name = "times_unlocked", nullable = false)
    public long timesUnlocked;

    @Column(name = "total_revenue", nullable = false)
    public long totalRevenue;

    @Column(name = "conversion_rate", nullable = false, precision = 9, scale = 6)
    public BigDecimal conversionRate;

    @Column(name = "calculated_at", nullable = false)
    public Instant calculatedAt;
}
