using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class time_RecurringPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeadlineWorkingDays",
                table: "directive_tasks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RecurrenceUntil",
                table: "directive_tasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Period",
                table: "assignments",
                type: "TEXT",
                nullable: true);

            // Back-fill: the assignments of recurring tasks entered before this migration belong to the first period.
            migrationBuilder.Sql(@"UPDATE ""assignments"" SET ""Period"" = (SELECT t.""Deadline"" FROM ""directive_tasks"" t WHERE t.""Id"" = ""assignments"".""TaskId"") WHERE ""TaskId"" IN (SELECT ""Id"" FROM ""directive_tasks"" WHERE ""Recurrence"" <> 0);");

            migrationBuilder.CreateTable(
                name: "recurrence_periods",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recurrence_periods", x => new { x.TaskId, x.Period });
                    table.ForeignKey(
                        name: "FK_recurrence_periods_directive_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "directive_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recurrence_periods");

            migrationBuilder.DropColumn(
                name: "DeadlineWorkingDays",
                table: "directive_tasks");

            migrationBuilder.DropColumn(
                name: "RecurrenceUntil",
                table: "directive_tasks");

            migrationBuilder.DropColumn(
                name: "Period",
                table: "assignments");
        }
    }
}
