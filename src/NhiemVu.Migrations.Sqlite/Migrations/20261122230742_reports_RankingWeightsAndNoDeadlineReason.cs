using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class reports_RankingWeightsAndNoDeadlineReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NoDeadlineReason",
                table: "directive_tasks",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            // Tasks entered before the reason was required (seed 002 art. 3.3): a default text, so that they stay in the
            // reports (a no-deadline task without a reason is "incomplete information" and left out of the figures).
            migrationBuilder.Sql(
                "UPDATE directive_tasks SET \"NoDeadlineReason\" = 'Chưa ghi lý do (nhiệm vụ nhập trước khi hệ thống yêu cầu ghi lý do không có thời hạn)' " +
                "WHERE \"Deadline\" IS NULL AND \"NoDeadlineReason\" IS NULL;");

            migrationBuilder.CreateTable(
                name: "ranking_weights",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OnTimeRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    CompletionRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    TimelyRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    PerOverdue = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    PerCompletedLate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    PerMissingExplanation = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    PerApprovedExtension = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ranking_weights", x => x.Year);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ranking_weights");

            migrationBuilder.DropColumn(
                name: "NoDeadlineReason",
                table: "directive_tasks");
        }
    }
}
