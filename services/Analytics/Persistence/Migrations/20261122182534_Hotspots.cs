using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Analytics.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Hotspots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClusterId",
                table: "complaint_facts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Supports",
                table: "complaint_facts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "TrackingId",
                table: "complaint_facts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClusterId",
                table: "complaint_facts");

            migrationBuilder.DropColumn(
                name: "Supports",
                table: "complaint_facts");

            migrationBuilder.DropColumn(
                name: "TrackingId",
                table: "complaint_facts");
        }
    }
}
