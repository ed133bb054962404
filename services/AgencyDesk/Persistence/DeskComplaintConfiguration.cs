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
        builder.Property(c => c.AssignedTo).HasMaxLength(200);
        builder.Property(c => c.Region).HasMaxLength(16);
        builder.Property(c => c.Title).HasMaxLength(150);
        builder.Property(c => c.Text).HasMaxLength(4000);
        builder.Property(c => c.Location).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // The inbox's orders: an agency's reports by deadline or by routing date, tracking id as the keyset tie-breaker.
        builder.HasIndex(c => new { c.AgencyId, c.FollowUpDueAt, c.TrackingId });
        builder.HasIndex(c => new { c.AgencyId, c.RoutedAt, c.TrackingId });
        builder.HasIndex(c => new { c.AgencyId, c.ClusterId });
        // Counts per status for the inbox header are read from this index alone.
        builder.HasIndex(c => new { c.AgencyId, c.Status });

        builder.OwnsMany(c => c.Conversation, message =>
        {
            message.ToTable("conversation_messages");
            message.WithOwner().HasForeignKey("ComplaintId");
            message.Property<int>("Id");
            message.HasKey("Id");
            message.Property(m => m.From).HasMaxLength(16);
            message.Property(m => m.Text).HasMaxLength(4000);
        });
        builder.OwnsMany(c => c.Notes, note =>
        {
            note.ToTable("internal_notes");
            note.WithOwner().HasForeignKey("ComplaintId");
            note.Property<int>("Id");
            note.HasKey("Id");
            note.Property(n => n.OfficerId).HasMaxLength(200);
            note.Property(n => n.Text).HasMaxLength(4000);
        });
        builder.OwnsMany(c => c.RouteHistory, step =>
        {
            step.ToTable("route_history");
            step.WithOwner().HasForeignKey("ComplaintId");
            step.Property<int>("Id");
            step.HasKey("Id");
            step.Property(s => s.AgencyId).HasMaxLength(64);
            step.Property(s => s.AgencyName).HasMaxLength(200);
        });
        builder.OwnsMany(c => c.Attachments, attachment =>
        {
            attachment.ToTable("attachments");
            attachment.WithOwner().HasForeignKey("ComplaintId");
            attachment.Property<int>("Id");
            attachment.HasKey("Id");
            attachment.Property(a => a.ContentType).HasMaxLength(40);
        });
        builder.Navigation(c => c.Attachments).HasField("_attachments");
        builder.Navigation(c => c.Conversation).HasField("_conversation");
        builder.Navigation(c => c.Notes).HasField("_notes");
        builder.Navigation(c => c.RouteHistory).HasField("_routeHistory");
    }
}

internal sealed class PendingAttachmentConfiguration : IEntityTypeConfiguration<PendingAttachment>
{
    public void Configure(EntityTypeBuilder<PendingAttachment> builder)
    {
        builder.ToTable("pending_attachments");
        builder.HasKey(a => a.AttachmentId);
        builder.HasIndex(a => a.ComplaintId);
        builder.Property(a => a.ContentType).HasMaxLength(40);
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
        // Two newer names at once: one commit wins, the other retries and sees it.
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class StatusCountConfiguration : IEntityTypeConfiguration<StatusCount>
{
    public void Configure(EntityTypeBuilder<StatusCount> builder)
    {
        builder.ToTable("status_counts");
        builder.HasKey(c => new { c.AgencyId, c.Status });
        builder.Property(c => c.AgencyId).HasMaxLength(64);
    }
}

internal sealed class ReadRecordConfiguration : IEntityTypeConfiguration<ReadRecord>
{
    public void Configure(EntityTypeBuilder<ReadRecord> builder)
    {
        builder.ToTable("read_records");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TrackingId).HasMaxLength(16);
        builder.Property(r => r.ReaderId).HasMaxLength(200);
        builder.Property(r => r.ReaderRole).HasMaxLength(20);
        builder.Property(r => r.ReaderAgencyId).HasMaxLength(64);
        builder.Property(r => r.HeldBy).HasMaxLength(64);
        builder.Property(r => r.What).HasMaxLength(20);
        builder.HasIndex(r => new { r.HeldBy, r.Id });
        builder.HasIndex(r => r.TrackingId);
    }
}

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> builder)
    {
        builder.ToTable("officers");
        builder.HasKey(o => new { o.AgencyId, o.OfficerId });
        builder.Property(o => o.AgencyId).HasMaxLength(64);
        builder.Property(o => o.OfficerId).HasMaxLength(200);
        builder.Property(o => o.Name).HasMaxLength(100);
        builder.Property(o => o.ChangedBy).HasMaxLength(200);
        builder.Property(o => o.Email).HasMaxLength(254);
    }
}

internal sealed class OfficerNoticeConfiguration : IEntityTypeConfiguration<OfficerNotice>
{
    public void Configure(EntityTypeBuilder<OfficerNotice> builder)
    {
        builder.ToTable("officer_notices");
        builder.HasKey(n => n.Id);
        // One notice per cause: a redelivered event or a second sweep cannot make another.
        builder.HasIndex(n => n.Key).IsUnique();
        builder.Property(n => n.Key).HasMaxLength(320);
        builder.Property(n => n.AgencyId).HasMaxLength(64);
        builder.Property(n => n.OfficerId).HasMaxLength(200);
        builder.Property(n => n.TrackingId).HasMaxLength(20);
        builder.Property(n => n.Title).HasMaxLength(200);
        // An officer's unread count and list; the mailer's queue.
        builder.HasIndex(n => new { n.AgencyId, n.OfficerId, n.ReadAt });
        builder.HasIndex(n => new { n.MailedAt, n.NextMailAt });
    }
}

internal sealed class DeskEscalationConfiguration : IEntityTypeConfiguration<DeskEscalation>
{
    public void Configure(EntityTypeBuilder<DeskEscalation> builder)
    {
        builder.ToTable("escalations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TrackingId).HasMaxLength(16);
        builder.Property(e => e.Deadline).HasMaxLength(20);
        builder.Property(e => e.AgencyId).HasMaxLength(64);
        builder.Property(e => e.EscalatedTo).HasMaxLength(64);
        builder.Property(e => e.ChasedBy).HasMaxLength(200);
        builder.HasIndex(e => new { e.EscalatedTo, e.Id });
        builder.HasIndex(e => new { e.ComplaintId, e.Deadline, e.DueAt }).IsUnique();
    }
}

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> builder)
    {
        builder.ToTable("saved_views");
        builder.HasKey(v => new { v.AgencyId, v.OfficerId, v.Name });
        builder.Property(v => v.AgencyId).HasMaxLength(64);
        builder.Property(v => v.OfficerId).HasMaxLength(200);
        builder.Property(v => v.Name).HasMaxLength(SavedView.MaximumName);
        builder.Property(v => v.Query).HasMaxLength(1000);
    }
}
