using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Infrastructure.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "papers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    @abstract = table.Column<string>(name: "abstract", type: "TEXT", nullable: false),
                    authors = table.Column<string>(type: "TEXT", nullable: false),
                    categories = table.Column<string>(type: "TEXT", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    comments = table.Column<string>(type: "TEXT", nullable: true),
                    journal_ref = table.Column<string>(type: "TEXT", nullable: true),
                    doi = table.Column<string>(type: "TEXT", nullable: true),
                    license = table.Column<string>(type: "TEXT", nullable: true),
                    github_repo = table.Column<string>(type: "TEXT", nullable: true),
                    github_stars = table.Column<int>(type: "INTEGER", nullable: true),
                    project_page = table.Column<string>(type: "TEXT", nullable: true),
                    ai_summary = table.Column<string>(type: "TEXT", nullable: true),
                    ai_keywords = table.Column<string>(type: "TEXT", nullable: true),
                    observed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    is_deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    change_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    modified_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_papers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "store_counters",
                columns: table => new
                {
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_store_counters", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "sync_states",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_states", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "listings",
                columns: table => new
                {
                    paper_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    upvotes = table.Column<int>(type: "INTEGER", nullable: false),
                    num_comments = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_by = table.Column<string>(type: "TEXT", nullable: true),
                    listed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    thumbnail_url = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listings", x => new { x.paper_id, x.day, x.source });
                    table.ForeignKey(
                        name: "fk_listings_papers_paper_id",
                        column: x => x.paper_id,
                        principalTable: "papers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "store_counters",
                columns: new[] { "name", "value" },
                values: new object[] { "paper_changes", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_listings_day_source",
                table: "listings",
                columns: new[] { "day", "source" });

            migrationBuilder.CreateIndex(
                name: "ix_papers_change_seq",
                table: "papers",
                column: "change_seq");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "listings");

            migrationBuilder.DropTable(
                name: "store_counters");

            migrationBuilder.DropTable(
                name: "sync_states");

            migrationBuilder.DropTable(
                name: "papers");
        }
    }
}
