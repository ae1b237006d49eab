using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RecurrenceUntil",
                table: "directive_tasks",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Period",
                table: "assignments",
                type: "date",
                nullable: true);

            // Back-fill: the assignments of recurring tasks entered before this migration belong to the first period.
            migrationBuilder.Sql(@"UPDATE ""assignments"" a SET ""Period"" = t.""Deadline"" FROM ""directive_tasks"" t WHERE a.""TaskId"" = t.""Id"" AND t.""Recurrence"" <> 0;");

            migrationBuilder.CreateTable(
                name: "recurrence_periods",
                columns: table => new
                {
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
