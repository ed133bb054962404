using Lapor.Intake.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lapor.Intake.Persistence;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("complaints");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TrackingId).HasMaxLength(12);
        builder.HasIndex(c => c.TrackingId).IsUnique();
        builder.Property(c => c.AccessCodeHash).HasMaxLength(64);
        builder.Property(c => c.Title).HasMaxLength(150);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.Region).HasMaxLength(16);
        builder.Property(c => c.Location).HasMaxLength(Complaint.LocationMaxLength);
        builder.Property(c => c.OwnerKey).HasMaxLength(64);
        // "Laporan saya": a citizen's reports by their key.
        builder.HasIndex(c => c.OwnerKey);
        builder.Property(c => c.AgencyId).HasMaxLength(64);
        builder.Property(c => c.AgencyName).HasMaxLength(200);
        builder.Property(c => c.SealedContact).HasMaxLength(2000);
        builder.Property(c => c.SearchText).HasMaxLength(4200);
        builder.Property(c => c.StatusSequence).IsConcurrencyToken();
        builder.OwnsMany(c => c.Timeline, timeline =>
        {
            timeline.ToTable("timeline_entries");
            timeline.WithOwner().HasForeignKey("ComplaintId");
            timeline.Property<int>("Id");
            timeline.HasKey("Id");
            timeline.Property(t => t.Detail).HasMaxLength(4000);
        });
        builder.Navigation(c => c.Timeline).HasField("_timeline");
        builder.Ignore(c => c.IsPublic);
        // The public feed: newest first among non-confidential reports.
        builder.HasIndex(c => new { c.Confidential, c.FiledAt });
    }
}

internal sealed class SupportConfiguration : IEntityTypeConfiguration<Support>
{
    public void Configure(EntityTypeBuilder<Support> builder)
    {
        builder.ToTable("supports");
        builder.HasKey(s => new { s.ComplaintId, s.SupporterHash });
        builder.Property(s => s.SupporterHash).HasMaxLength(64);
    }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("idempotent_requests");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequest.MaximumKeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.SealedResponse).HasMaxLength(4000);
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => new { a.ComplaintId, a.Slot }).IsUnique();
        builder.Property(a => a.ContentType).HasMaxLength(40);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Ignore(a => a.Extension);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(n => n.Id);
        builder.HasIndex(n => new { n.SentAt, n.NextAttemptAt });
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.Body).HasMaxLength(8000);
    }
}
