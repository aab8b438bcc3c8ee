using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Infrastructure.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HfItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hf_item",
                table: "listings",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "hf_item",
                table: "listings");
        }
    }
}
