using Lapor.Triage.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Triage.Persistence;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("agencies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Region).HasMaxLength(16);
        builder.Property(a => a.Handles).HasMaxLength(2000);
        builder.PrimitiveCollection(a => a.Sectors);
        // Two verifiers editing one agency at once: the second save fails (409) instead of both taking one version.
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class TriagedComplaintConfiguration : IEntityTypeConfiguration<TriagedComplaint>
{
    public void Configure(EntityTypeBuilder<TriagedComplaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.ComplaintId);
        builder.Property(c => c.TrackingId).HasMaxLength(12);
        builder.Property(c => c.Region).HasMaxLength(16);
        builder.Property(c => c.AgencyId).HasMaxLength(64);
        builder.Property(c => c.Sequence).IsConcurrencyToken();
        builder.Property(c => c.Title).HasMaxLength(150);
        builder.Property(c => c.ArchiveReason).HasMaxLength(500);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.Words).HasConversion(words => words!.ToBytes(), bytes => WordPrint.FromBytes(bytes));
        builder.Property(c => c.Location).HasMaxLength(200);
        builder.HasIndex(c => new { c.RespondedAt, c.FollowUpBreachedAt, c.FollowUpDueAt });
        builder.HasIndex(c => new { c.RoutedAt, c.VerificationBreachedAt, c.VerificationDueAt });
        builder.HasIndex(c => new { c.Region, c.Sector, c.FiledAt });
        // The sweep's third question: answered reports whose reporter has not replied in time.
        builder.HasIndex(c => c.CloseQuietlyAt);
    }
}

internal sealed class CorrectionConfiguration : IEntityTypeConfiguration<Correction>
{
    public void Configure(EntityTypeBuilder<Correction> builder)
    {
        builder.ToTable("corrections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Title).HasMaxLength(150);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.Region).HasMaxLength(16);
        builder.Property(c => c.AgencyId).HasMaxLength(64);
    }
}
