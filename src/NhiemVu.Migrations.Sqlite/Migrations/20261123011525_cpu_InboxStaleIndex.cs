using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class cpu_InboxStaleIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_LeadUnitId_State_Deadline_AwaitingReassignment_Returned",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadUnitId_State_Deadline_AwaitingReassignment_Returned_LastProgressAtUtc_ReceivedAtUtc_AssignedAtUtc",
                table: "assignments",
                columns: new[] { "LeadUnitId", "State", "Deadline", "AwaitingReassignment", "Returned", "LastProgressAtUtc", "ReceivedAtUtc", "AssignedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_LeadUnitId_State_Deadline_AwaitingReassignment_Returned_LastProgressAtUtc_ReceivedAtUtc_AssignedAtUtc",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadUnitId_State_Deadline_AwaitingReassignment_Returned",
                table: "assignments",
                columns: new[] { "LeadUnitId", "State", "Deadline", "AwaitingReassignment", "Returned" });
        }
    }
}
