using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Intake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PublicFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Supports",
                table: "complaints",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "supports",
                columns: table => new
                {
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    SupporterHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supports", x => new { x.ComplaintId, x.SupporterHash });
                });

            migrationBuilder.CreateIndex(
                name: "IX_complaints_Confidential_FiledAt",
                table: "complaints",
                columns: new[] { "Confidential", "FiledAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supports");

            migrationBuilder.DropIndex(
                name: "IX_complaints_Confidential_FiledAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "Supports",
                table: "complaints");
        }
    }
}
