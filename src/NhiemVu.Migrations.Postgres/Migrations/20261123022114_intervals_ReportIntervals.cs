using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class intervals_ReportIntervals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assignment_report_intervals",
                columns: table => new
                {
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFromUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ValidToUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignedDay = table.Column<int>(type: "integer", nullable: false),
                    DeadlineDay = table.Column<int>(type: "integer", nullable: true),
                    BaseClass = table.Column<int>(type: "integer", nullable: false),
                    SubmittedDay = table.Column<int>(type: "integer", nullable: true),
                    Awaiting = table.Column<bool>(type: "boolean", nullable: false),
                    ApprovedExtensions = table.Column<int>(type: "integer", nullable: false),
                    Explained = table.Column<bool>(type: "boolean", nullable: false),
                    ReportNumberMissing = table.Column<bool>(type: "boolean", nullable: false),
                    ReportSignerMissing = table.Column<bool>(type: "boolean", nullable: false),
                    ReportsEntered = table.Column<int>(type: "integer", nullable: false),
                    ReportsEnteredInTime = table.Column<int>(type: "integer", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    DirectingLeaderId = table.Column<Guid>(type: "uuid", nullable: false),
                    FieldId = table.Column<Guid>(type: "uuid", nullable: true),
                    Nature = table.Column<int>(type: "integer", nullable: false),
                    Programme = table.Column<int>(type: "integer", nullable: false),
                    Secret = table.Column<bool>(type: "boolean", nullable: false),
                    NoDeadlineReasonMissing = table.Column<bool>(type: "boolean", nullable: false),
                    DocumentNumberMissing = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_report_intervals", x => new { x.AssignmentId, x.Index });
                    table.ForeignKey(
                        name: "FK_assignment_report_intervals_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_report_intervals_deadline",
                table: "assignment_report_intervals",
                columns: new[] { "DeadlineDay", "ValidToUtc", "ValidFromUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_report_intervals_no_deadline",
                table: "assignment_report_intervals",
                columns: new[] { "AssignedDay", "ValidToUtc" },
                filter: "\"DeadlineDay\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_report_intervals_open",
                table: "assignment_report_intervals",
                columns: new[] { "BaseClass", "ValidToUtc", "DeadlineDay" });

            migrationBuilder.CreateIndex(
                name: "IX_report_intervals_submitted",
                table: "assignment_report_intervals",
                columns: new[] { "SubmittedDay", "DeadlineDay" },
                filter: "\"SubmittedDay\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignment_report_intervals");
        }
    }
}
