using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class cache_ReportHistoryVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The stamp of report intervals changed at settled moments (SettledReportCache).
            migrationBuilder.Sql("""INSERT OR IGNORE INTO data_versions ("Key", "Stamp") VALUES ('report-history', lower(hex(randomblob(16))));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DELETE FROM data_versions WHERE "Key" = 'report-history';""");
        }
    }
}
