using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.AgencyDesk.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RespondedSinceReopening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RespondedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            // Reports answered before this column existed keep counting as answered (no reopening had restarted a clock here).
            migrationBuilder.Sql("UPDATE complaints SET \"RespondedAt\" = \"FirstRespondedAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RespondedAt",
                table: "complaints");
        }
    }
}
