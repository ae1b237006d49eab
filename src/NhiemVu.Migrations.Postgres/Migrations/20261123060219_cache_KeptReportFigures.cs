using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NhiemVu.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Report = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    AsOfUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Stamp = table.Column<Guid>(type: "uuid", nullable: false),
                    Figures = table.Column<byte[]>(type: "bytea", nullable: false),
                    KeptAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
