using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class reports_DeadlineIndexPartial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_intervals_deadline",
                table: "assignment_report_intervals");

            migrationBuilder.CreateIndex(
                name: "IX_report_intervals_deadline",
                table: "assignment_report_intervals",
                columns: new[] { "DeadlineDay", "ValidToUtc", "ValidFromUtc" },
                filter: "\"DeadlineDay\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_intervals_deadline",
                table: "assignment_report_intervals");

            migrationBuilder.CreateIndex(
                name: "IX_report_intervals_deadline",
                table: "assignment_report_intervals",
                columns: new[] { "DeadlineDay", "ValidToUtc", "ValidFromUtc" });
        }
    }
}
