using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class cpu_InboxStaleIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_LeadUnitId_State_Deadline_AwaitingReassignment_~",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadUnitId_State_Deadline_AwaitingReassignment_~",
                table: "assignments",
                columns: new[] { "LeadUnitId", "State", "Deadline", "AwaitingReassignment", "Returned", "LastProgressAtUtc", "ReceivedAtUtc", "AssignedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assignments_LeadUnitId_State_Deadline_AwaitingReassignment_~",
                table: "assignments");

            migrationBuilder.CreateIndex(
                name: "IX_assignments_LeadUnitId_State_Deadline_AwaitingReassignment_~",
                table: "assignments",
                columns: new[] { "LeadUnitId", "State", "Deadline", "AwaitingReassignment", "Returned" });
        }
    }
}
