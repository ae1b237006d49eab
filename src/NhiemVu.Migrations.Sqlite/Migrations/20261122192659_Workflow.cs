using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Workflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directive_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: true),
                    NumberAndSymbol = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DirectingLeaderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DraftingSpecialistId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    Secrecy = table.Column<int>(type: "INTEGER", nullable: false),
                    FieldId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EnteredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EnteredByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directive_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_directive_documents_fields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "fields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "directive_tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Nature = table.Column<int>(type: "INTEGER", nullable: false),
                    Programme = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammeQuarter = table.Column<int>(type: "INTEGER", nullable: true),
                    FieldId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DirectingLeaderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpSpecialistId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Recurrence = table.Column<int>(type: "INTEGER", nullable: false),
                    RecurrenceDay = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directive_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_directive_tasks_directive_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "directive_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_directive_tasks_fields_FieldId",
                        column: x => x.FieldId,
                        principalTable: "fields",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    OriginalDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssignedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedExtensionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastProgressAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastProgressPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    LastProgressText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ExplainedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UrgeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastUrgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PendingReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AwaitingReassignment = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastEventSequence = table.Column<int>(type: "INTEGER", nullable: false),
                    LastEventAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConcurrencyStamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedLocalDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignments_directive_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "directive_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_assignments_units_LeadUnitId",
                        column: x => x.LeadUnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "task_cooperating_units",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DirectiveTaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_task_cooperating_units", x => x.Id);
                    table.ForeignKey(
                        name: "FK_task_cooperating_units_directive_tasks_DirectiveTaskId",
                        column: x => x.DirectiveTaskId,
                        principalTable: "directive_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_task_cooperating_units_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assignment_contributions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Percent = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_contributions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_contributions_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_assignment_contributions_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assignment_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActorUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LeadUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromState = table.Column<int>(type: "INTEGER", nullable: true),
                    ToState = table.Column<int>(type: "INTEGER", nullable: true),
                    OldDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NewDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FromUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Percent = table.Column<int>(type: "INTEGER", nullable: true),
                    Approved = table.Column<bool>(type: "INTEGER", nullable: true),
                    CountsAsExtension = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsOverride = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AdjustmentKind = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_events_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assignment_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NumberAndSymbol = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedByUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_reports_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "assignment_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AdjustmentKind = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ProposedDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedByUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ApprovedDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsOverride = table.Column<bool>(type: "INTEGER", nullable: false),
                    OverrideReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_assignment_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_assignment_requests_assignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "assignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assignment_contributions_AssignmentId_AtUtc",
                table: "assignment_contributions",
                columns: new[] { "AssignmentId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_assignment_contributions_UnitId",
                table: "assignment_contributions",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_events_AssignmentId_Sequence",
                table: "assignment_events",
                columns: new[] { "AssignmentId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assignment_events_AtUtc",
                table: "assignment_events",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_events_LeadUnitId_AtUtc",
                table: "assignment_events",
                columns: new[] { "LeadUnitId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_assignment_reports_AssignmentId_IdempotencyKey",
                table: "assignment_reports",
                columns: new[] { "AssignmentId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_assignment_reports_Status_SubmittedAtUtc",
                table: "assignment_reports",
                columns: new[] { "Status", "SubmittedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_assignment_requests_AssignmentId",
                table: "assignment_requests",
                column: "AssignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_assignment_requests_Status_Kind_RequestedAtUtc",
                table: "assignment_requests",
                columns: new[] { "Status", "Kind", "RequestedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_Deadline",
                table: "assignments",
                column: "Deadline");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadUnitId_State",
                table: "assignments",
                columns: new[] { "LeadUnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_State_Deadline",
                table: "assignments",
                columns: new[] { "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_assignments_TaskId",
                table: "assignments",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_directive_documents_DirectingLeaderId",
                table: "directive_documents",
                column: "DirectingLeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_directive_documents_FieldId",
                table: "directive_documents",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_directive_documents_IssueDate",
                table: "directive_documents",
                column: "IssueDate");

            migrationBuilder.CreateIndex(
                name: "IX_directive_documents_NumberAndSymbol",
                table: "directive_documents",
                column: "NumberAndSymbol");

            migrationBuilder.CreateIndex(
                name: "IX_directive_tasks_DirectingLeaderId",
                table: "directive_tasks",
                column: "DirectingLeaderId");

            migrationBuilder.CreateIndex(
                name: "IX_directive_tasks_DocumentId",
                table: "directive_tasks",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_directive_tasks_FieldId",
                table: "directive_tasks",
                column: "FieldId");

            migrationBuilder.CreateIndex(
                name: "IX_task_cooperating_units_DirectiveTaskId_UnitId",
                table: "task_cooperating_units",
                columns: new[] { "DirectiveTaskId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_task_cooperating_units_UnitId",
                table: "task_cooperating_units",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignment_contributions");

            migrationBuilder.DropTable(
                name: "assignment_events");

            migrationBuilder.DropTable(
                name: "assignment_reports");

            migrationBuilder.DropTable(
                name: "assignment_requests");

            migrationBuilder.DropTable(
                name: "task_cooperating_units");

            migrationBuilder.DropTable(
                name: "assignments");

            migrationBuilder.DropTable(
                name: "directive_tasks");

            migrationBuilder.DropTable(
                name: "directive_documents");
        }
    }
}
