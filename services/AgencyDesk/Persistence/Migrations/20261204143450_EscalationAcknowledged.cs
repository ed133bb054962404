using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.AgencyDesk.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EscalationAcknowledged : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AcknowledgedAt",
                table: "escalations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedBy",
                table: "escalations",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcknowledgedAt",
                table: "escalations");

            migrationBuilder.DropColumn(
                name: "AcknowledgedBy",
                table: "escalations");
        }
    }
}
