using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Triage.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReopenedAndQuietClose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnsweredAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CloseQuietlyAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReopenedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolvedAt",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_complaints_CloseQuietlyAt",
                table: "complaints",
                column: "CloseQuietlyAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_complaints_CloseQuietlyAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "AnsweredAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "CloseQuietlyAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ReopenedAt",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "complaints");
        }
    }
}
