using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Analytics.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReopenedFollowUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastRespondedAt",
                table: "complaint_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReopenedAt",
                table: "complaint_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReopenedFollowUpDueAt",
                table: "complaint_facts",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastRespondedAt",
                table: "complaint_facts");

            migrationBuilder.DropColumn(
                name: "ReopenedAt",
                table: "complaint_facts");

            migrationBuilder.DropColumn(
                name: "ReopenedFollowUpDueAt",
                table: "complaint_facts");
        }
    }
}
