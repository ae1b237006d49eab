using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class timeliness_Records : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "document_entry_timeliness",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EnteredByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    EntryDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    InTime = table.Column<bool>(type: "boolean", nullable: false),
                    LateWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_entry_timeliness", x => x.DocumentId);
                    table.ForeignKey(
                        name: "FK_document_entry_timeliness_directive_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "directive_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "report_timeliness",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnteredByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EnteredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EntryDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    EntryInTime = table.Column<bool>(type: "boolean", nullable: false),
                    EntryLateWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    EntryRule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewInTime = table.Column<bool>(type: "boolean", nullable: true),
                    ReviewLateWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_timeliness", x => x.ReportId);
                    table.ForeignKey(
                        name: "FK_report_timeliness_assignment_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "assignment_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_document_entry_timeliness_EnteredAtUtc",
                table: "document_entry_timeliness",
                column: "EnteredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_document_entry_timeliness_EnteredByUserId_EnteredAtUtc",
                table: "document_entry_timeliness",
                columns: new[] { "EnteredByUserId", "EnteredAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_report_timeliness_AssignmentId",
                table: "report_timeliness",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_report_timeliness_EnteredAtUtc",
                table: "report_timeliness",
                column: "EnteredAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_report_timeliness_ReviewedByUserId_ReviewedAtUtc",
                table: "report_timeliness",
                columns: new[] { "ReviewedByUserId", "ReviewedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_report_timeliness_UnitId_EnteredAtUtc",
                table: "report_timeliness",
                columns: new[] { "UnitId", "EnteredAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_entry_timeliness");

            migrationBuilder.DropTable(
                name: "report_timeliness");
        }
    }
}
