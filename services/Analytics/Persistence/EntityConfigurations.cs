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
        builder.Property(c => c.StatusSequence).IsConcurrencyToken();
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
