using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NhiemVu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class cache_KeptReportFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kept_report_figures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Report = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AsOfUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    Figures = table.Column<byte[]>(type: "BLOB", nullable: false),
                    KeptAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_kept_report_figures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_kept_report_figures_Report_AsOfUtc",
                table: "kept_report_figures",
                columns: new[] { "Report", "AsOfUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kept_report_figures");
        }
    }
}
