using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Analytics.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DailyCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstBreachedAt",
                table: "complaint_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "VerificationBreached",
                table: "complaint_facts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "VerificationDueAt",
                table: "complaint_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "daily_details",
                columns: table => new
                {
                    Grain = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Region = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_details", x => new { x.Grain, x.Day, x.AgencyId, x.Sector, x.Region, x.Kind, x.Value });
                });

            migrationBuilder.CreateTable(
                name: "daily_figures",
                columns: table => new
                {
                    Grain = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Region = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Filed = table.Column<long>(type: "bigint", nullable: false),
                    Open = table.Column<long>(type: "bigint", nullable: false),
                    Verified = table.Column<long>(type: "bigint", nullable: false),
                    VerifiedInTime = table.Column<long>(type: "bigint", nullable: false),
                    VerificationMissed = table.Column<long>(type: "bigint", nullable: false),
                    Routed = table.Column<long>(type: "bigint", nullable: false),
                    Responded = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredInTime = table.Column<long>(type: "bigint", nullable: false),
                    AnsweredLate = table.Column<long>(type: "bigint", nullable: false),
                    Resolved = table.Column<long>(type: "bigint", nullable: false),
                    Forwarded = table.Column<long>(type: "bigint", nullable: false),
                    Breaches = table.Column<long>(type: "bigint", nullable: false),
                    Rated = table.Column<long>(type: "bigint", nullable: false),
                    RatingSum = table.Column<long>(type: "bigint", nullable: false),
                    Reopened = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_figures", x => new { x.Grain, x.Day, x.AgencyId, x.Sector, x.Region });
                });

            migrationBuilder.CreateIndex(
                name: "IX_daily_details_Kind_Grain_Day",
                table: "daily_details",
                columns: new[] { "Kind", "Grain", "Day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_details");

            migrationBuilder.DropTable(
                name: "daily_figures");

            migrationBuilder.DropColumn(
                name: "FirstBreachedAt",
                table: "complaint_facts");

            migrationBuilder.DropColumn(
                name: "VerificationBreached",
                table: "complaint_facts");

            migrationBuilder.DropColumn(
                name: "VerificationDueAt",
                table: "complaint_facts");
        }
    }
}
