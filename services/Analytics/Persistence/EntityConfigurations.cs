using Lapor.Analytics.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Analytics.Persistence;

internal sealed class ComplaintFactConfiguration : IEntityTypeConfiguration<ComplaintFact>
{
    public void Configure(EntityTypeBuilder<ComplaintFact> builder)
    {
        builder.ToTable("complaint_facts");
        builder.HasKey(c => c.ComplaintId);
        builder.Property(c => c.Region).HasMaxLength(16);
        builder.Property(c => c.AgencyId).HasMaxLength(64);
        builder.Property(c => c.TrackingId).HasMaxLength(16);
        builder.Property(c => c.StatusSequence).IsConcurrencyToken();
    }
}

internal sealed class AgencyHoldingConfiguration : IEntityTypeConfiguration<AgencyHolding>
{
    public void Configure(EntityTypeBuilder<AgencyHolding> builder)
    {
        builder.ToTable("agency_holdings");
        builder.HasKey(h => new { h.ComplaintId, h.AgencyId });
        builder.Property(h => h.AgencyId).HasMaxLength(64);
        builder.HasIndex(h => new { h.RoutedAt, h.AgencyId });
    }
}

internal sealed class EventRecordConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.Property(e => e.EventType).HasMaxLength(100);
    }
}

internal sealed class DailyFiguresConfiguration : IEntityTypeConfiguration<DailyFigures>
{
    public void Configure(EntityTypeBuilder<DailyFigures> builder)
    {
        builder.ToTable("daily_figures");
        builder.HasKey(c => new { c.Grain, c.Day, c.AgencyId, c.Sector, c.Region });
        builder.Property(c => c.AgencyId).HasMaxLength(64);
        builder.Property(c => c.Sector).HasMaxLength(40);
        builder.Property(c => c.Region).HasMaxLength(16);
    }
}

internal sealed class DailyDetailConfiguration : IEntityTypeConfiguration<DailyDetail>
{
    public void Configure(EntityTypeBuilder<DailyDetail> builder)
    {
        builder.ToTable("daily_details");
        builder.HasKey(c => new { c.Grain, c.Day, c.AgencyId, c.Sector, c.Region, c.Kind, c.Value });
        builder.HasIndex(c => new { c.Kind, c.Grain, c.Day });
        builder.Property(c => c.AgencyId).HasMaxLength(64);
        builder.Property(c => c.Sector).HasMaxLength(40);
        builder.Property(c => c.Region).HasMaxLength(16);
        builder.Property(c => c.Kind).HasMaxLength(32);
        builder.Property(c => c.Value).HasMaxLength(32);
    }
}

internal sealed class DirectoryAgencyConfiguration : IEntityTypeConfiguration<DirectoryAgency>
{
    public void Configure(EntityTypeBuilder<DirectoryAgency> builder)
    {
        builder.ToTable("agencies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Level).HasMaxLength(16);
        builder.Property(a => a.Region).HasMaxLength(16);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}
