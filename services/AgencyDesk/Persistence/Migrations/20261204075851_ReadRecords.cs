using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Lapor.AgencyDesk.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReadRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "read_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<Guid>(type: "uuid", nullable: false),
                    TrackingId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReaderId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReaderRole = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReaderAgencyId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HeldBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    What = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_read_records", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_read_records_HeldBy_Id",
                table: "read_records",
                columns: new[] { "HeldBy", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_read_records_TrackingId",
                table: "read_records",
                column: "TrackingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "read_records");
        }
    }
}
