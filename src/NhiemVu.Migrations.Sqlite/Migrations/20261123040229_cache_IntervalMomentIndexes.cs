using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class cache_IntervalMomentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_report_intervals_overdue",
                table: "assignment_report_intervals",
                columns: new[] { "BaseClass", "DeadlineDay", "AssignmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_report_intervals_valid_from",
                table: "assignment_report_intervals",
                column: "ValidFromUtc");

            migrationBuilder.CreateIndex(
                name: "IX_report_intervals_valid_to",
                table: "assignment_report_intervals",
                column: "ValidToUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_report_intervals_overdue",
                table: "assignment_report_intervals");

            migrationBuilder.DropIndex(
                name: "IX_report_intervals_valid_from",
                table: "assignment_report_intervals");

            migrationBuilder.DropIndex(
                name: "IX_report_intervals_valid_to",
                table: "assignment_report_intervals");
        }
    }
}
