using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Intake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentSlots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_attachments_ComplaintId",
                table: "attachments");

            migrationBuilder.AddColumn<int>(
                name: "Slot",
                table: "attachments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Attachments kept before slots existed take their places in upload order.
            migrationBuilder.Sql("""
                UPDATE attachments AS a SET "Slot" = ranked.slot
                FROM (SELECT "Id", ROW_NUMBER() OVER (PARTITION BY "ComplaintId" ORDER BY "UploadedAt", "Id") AS slot FROM attachments) AS ranked
                WHERE a."Id" = ranked."Id";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_attachments_ComplaintId_Slot",
                table: "attachments",
                columns: new[] { "ComplaintId", "Slot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_attachments_ComplaintId_Slot",
                table: "attachments");

            migrationBuilder.DropColumn(
                name: "Slot",
                table: "attachments");

            migrationBuilder.CreateIndex(
                name: "IX_attachments_ComplaintId",
                table: "attachments",
                column: "ComplaintId");
        }
    }
}
