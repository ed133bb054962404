using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lapor.AgencyDesk.Persistence.Migrations
{
    /// <summary>
    /// The inbox's free-text search (<c>lower(title) LIKE '%…%' OR lower(text) LIKE '%…%'</c>) read every report of the
    /// agency; trigram indexes on both lower-cased columns let PostgreSQL find the matching rows instead. pg_trgm is a
    /// trusted extension (PostgreSQL 13+): the database's owner may create it.
    /// </summary>
    public partial class InboxTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_complaints_title_trgm\" ON complaints USING gin (lower(\"Title\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_complaints_text_trgm\" ON complaints USING gin (lower(\"Text\") gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_complaints_text_trgm\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_complaints_title_trgm\";");
        }
    }
}
