using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Triage.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class KeepWordPrints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "Words",
                table: "complaints",
                type: "bytea",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Words",
                table: "complaints");
        }
    }
}
