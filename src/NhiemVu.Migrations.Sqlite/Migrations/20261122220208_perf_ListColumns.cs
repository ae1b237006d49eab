using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOrder",
                table: "assignments",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<Guid>(
                name: "FieldId",
                table: "assignments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ListClass",
                table: "assignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Returned",
                table: "assignments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Backfill the list columns of existing rows: the same values AssignmentListColumns.Of
            // computes (State 5 = Cancelled, 2 = InProgress; report Status 3 = NotPassed).
            migrationBuilder.Sql("""
                UPDATE assignments SET
                    "FieldId" = (SELECT t."FieldId" FROM directive_tasks t WHERE t."Id" = assignments."TaskId"),
                    "DirectingLeaderId" = (SELECT t."DirectingLeaderId" FROM directive_tasks t WHERE t."Id" = assignments."TaskId"),
                    "DueOrder" = COALESCE("Deadline", '9999-12-31'),
                    "ListClass" = CASE WHEN "State" = 5 THEN NULL WHEN "Deadline" IS NULL THEN 5
                        WHEN "SubmittedLocalDate" IS NULL THEN 3 WHEN "SubmittedLocalDate" < "Deadline" THEN 0
                        WHEN "SubmittedLocalDate" = "Deadline" THEN 1 ELSE 2 END,
                    "Returned" = COALESCE("State" = 2 AND (SELECT r."Status" FROM assignment_reports r
                        WHERE r."AssignmentId" = assignments."Id" ORDER BY r."SubmittedAtUtc" DESC LIMIT 1) = 3, 0);
                INSERT OR IGNORE INTO data_versions ("Key", "Stamp") VALUES ('units', lower(hex(randomblob(16)))), ('user-names', lower(hex(randomblob(16))));
                """);

            // Text search: an FTS5 trigram table answers LIKE '%term%' on the folded search text
            // (TaskSearch); triggers keep it in step with directive_tasks.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "directive_tasks_fts" USING fts5("TaskId" UNINDEXED, "SearchText", tokenize = 'trigram');
                INSERT INTO "directive_tasks_fts" ("TaskId", "SearchText") SELECT "Id", "SearchText" FROM directive_tasks;
                CREATE TRIGGER "directive_tasks_fts_ai" AFTER INSERT ON directive_tasks BEGIN
                    INSERT INTO "directive_tasks_fts" ("TaskId", "SearchText") VALUES (new."Id", new."SearchText");
                END;
                CREATE TRIGGER "directive_tasks_fts_ad" AFTER DELETE ON directive_tasks BEGIN
                    DELETE FROM "directive_tasks_fts" WHERE "TaskId" = old."Id";
                END;
                CREATE TRIGGER "directive_tasks_fts_au" AFTER UPDATE OF "SearchText", "Id" ON directive_tasks BEGIN
                    DELETE FROM "directive_tasks_fts" WHERE "TaskId" = old."Id";
                    INSERT INTO "directive_tasks_fts" ("TaskId", "SearchText") VALUES (new."Id", new."SearchText");
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_assignments_DirectingLeaderId_ListClass_DueOrder_AssignedAtUtc",
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
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "directive_tasks_fts_ai";
                DROP TRIGGER IF EXISTS "directive_tasks_fts_ad";
                DROP TRIGGER IF EXISTS "directive_tasks_fts_au";
                DROP TABLE IF EXISTS "directive_tasks_fts";
                DELETE FROM data_versions WHERE "Key" IN ('units', 'user-names');
                """);

            migrationBuilder.DropIndex(
                name: "IX_assignments_DirectingLeaderId_ListClass_DueOrder_AssignedAtUtc",
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
