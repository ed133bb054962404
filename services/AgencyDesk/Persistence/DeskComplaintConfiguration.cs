using Lapor.AgencyDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.AgencyDesk.Persistence;

internal sealed class DeskComplaintConfiguration : IEntityTypeConfiguration<DeskComplaint>
{
    public void Configure(EntityTypeBuilder<DeskComplaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.ComplaintId);
        builder.Property(c => c.TrackingId).HasMaxLength(12);
        builder.HasIndex(c => c.TrackingId).IsUnique();
        builder.Property(c => c.AgencyId).HasMaxLength(64);
        builder.Property(c => c.AgencyName).HasMaxLength(200);
        builder.Property(c => c.Region).HasMaxLength(16);
        builder.Property(c => c.Title).HasMaxLength(150);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.Sequence).IsConcurrencyToken();
        // The inbox's default order: an agency's reports by deadline, with the id as the keyset tie-breaker.
        builder.HasIndex(c => new { c.AgencyId, c.FollowUpDueAt, c.ComplaintId });
    }
}
