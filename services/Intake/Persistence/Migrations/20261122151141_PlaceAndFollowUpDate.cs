using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Intake.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlaceAndFollowUpDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FollowUpDueAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IncidentDate",
                table: "complaints",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Latitude",
                table: "complaints",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Location",
                table: "complaints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Longitude",
                table: "complaints",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FollowUpDueAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "IncidentDate",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "Latitude",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "Location",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "Longitude",
                table: "complaints");
        }
    }
}
