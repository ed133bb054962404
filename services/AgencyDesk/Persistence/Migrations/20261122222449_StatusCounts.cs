using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.AgencyDesk.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StatusCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "status_counts",
                columns: table => new
                {
                    AgencyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_counts", x => new { x.AgencyId, x.Status });
                });
            // The reports already in the desk, counted once; from now on every change keeps the counts.
            migrationBuilder.Sql("INSERT INTO status_counts (\"AgencyId\", \"Status\", \"Count\") " +
                "SELECT \"AgencyId\", \"Status\", count(*) FROM complaints GROUP BY \"AgencyId\", \"Status\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "status_counts");
        }
    }
}
