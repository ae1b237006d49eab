using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class perf_ListColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DirectingLeaderId",
                table: "assignments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOrder",
                table: "assignments",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "FieldId",
                table: "assignments",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ListClass",
                table: "assignments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Returned",
                table: "assignments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Backfill the list columns of existing rows: the same values AssignmentListColumns.Of
            // computes (State 5 = Cancelled, 2 = InProgress; report Status 3 = NotPassed).
            migrationBuilder.Sql("""
                UPDATE assignments a SET "FieldId" = t."FieldId", "DirectingLeaderId" = t."DirectingLeaderId"
                FROM directive_tasks t WHERE t."Id" = a."TaskId";
                UPDATE assignments SET
                    "DueOrder" = COALESCE("Deadline", DATE '9999-12-31'),
                    "ListClass" = CASE WHEN "State" = 5 THEN NULL WHEN "Deadline" IS NULL THEN 5
                        WHEN "SubmittedLocalDate" IS NULL THEN 3 WHEN "SubmittedLocalDate" < "Deadline" THEN 0
                        WHEN "SubmittedLocalDate" = "Deadline" THEN 1 ELSE 2 END,
                    "Returned" = COALESCE("State" = 2 AND (SELECT r."Status" FROM assignment_reports r
                        WHERE r."AssignmentId" = assignments."Id" ORDER BY r."SubmittedAtUtc" DESC LIMIT 1) = 3, FALSE);
                INSERT INTO data_versions ("Key", "Stamp") VALUES ('units', gen_random_uuid()), ('user-names', gen_random_uuid())
                ON CONFLICT ("Key") DO NOTHING;
                """);

            // Text search: LIKE '%term%' on the folded search text, served by a trigram GIN index.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_directive_tasks_SearchText_trgm" ON directive_tasks USING gin ("SearchText" gin_trgm_ops);""");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_DirectingLeaderId_ListClass_DueOrder_AssignedAt~",
                table: "assignments",
                columns: new[] { "DirectingLeaderId", "ListClass", "DueOrder", "AssignedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_DueOrder_AssignedAtUtc",
                table: "assignments",
                columns: new[] { "DueOrder", "AssignedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_FieldId_ListClass_DueOrder_AssignedAtUtc",
                table: "assignments",
                columns: new[] { "FieldId", "ListClass", "DueOrder", "AssignedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadUnitId_DueOrder_AssignedAtUtc",
                table: "assignments",
                columns: new[] { "LeadUnitId", "DueOrder", "AssignedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadUnitId_ListClass_DueOrder_AssignedAtUtc",
                table: "assignments",
                columns: new[] { "LeadUnitId", "ListClass", "DueOrder", "AssignedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_ListClass_DueOrder_AssignedAtUtc",
                table: "assignments",
                columns: new[] { "ListClass", "DueOrder", "AssignedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_directive_tasks_SearchText_trgm";""");
            migrationBuilder.Sql("""DELETE FROM data_versions WHERE "Key" IN ('units', 'user-names');""");

            migrationBuilder.DropIndex(
                name: "IX_assignments_DirectingLeaderId_ListClass_DueOrder_AssignedAt~",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_DueOrder_AssignedAtUtc",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_FieldId_ListClass_DueOrder_AssignedAtUtc",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_LeadUnitId_DueOrder_AssignedAtUtc",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_LeadUnitId_ListClass_DueOrder_AssignedAtUtc",
                table: "assignments");

            migrationBuilder.DropIndex(
                name: "IX_assignments_ListClass_DueOrder_AssignedAtUtc",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "DirectingLeaderId",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "DueOrder",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "FieldId",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "ListClass",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "Returned",
                table: "assignments");
        }
    }
}
