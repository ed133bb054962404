using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.Triage.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgencyVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "agencies",
                type: "integer",
                nullable: false,
                defaultValue: 1);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "agencies");
        }
    }
}
