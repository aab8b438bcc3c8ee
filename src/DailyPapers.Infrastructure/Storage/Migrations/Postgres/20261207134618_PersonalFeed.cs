using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Infrastructure.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PersonalFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "feed_secret",
                table: "users",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "feed_secret",
                table: "users");
        }
    }
}
