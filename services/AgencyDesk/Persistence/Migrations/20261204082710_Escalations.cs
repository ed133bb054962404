using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lapor.AgencyDesk.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Escalations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "escalations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrackingId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Deadline = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgencyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EscalatedTo = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    BreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ChasedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escalations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_escalations_ComplaintId_Deadline_DueAt",
                table: "escalations",
                columns: new[] { "ComplaintId", "Deadline", "DueAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_escalations_EscalatedTo_Id",
                table: "escalations",
                columns: new[] { "EscalatedTo", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalations");
        }
    }
}
