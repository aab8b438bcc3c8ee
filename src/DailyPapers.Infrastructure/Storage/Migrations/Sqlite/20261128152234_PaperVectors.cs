using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Infrastructure.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PaperVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "paper_vectors",
                columns: table => new
                {
                    paper_id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    vector = table.Column<byte[]>(type: "BLOB", nullable: false),
                    text_hash = table.Column<long>(type: "INTEGER", nullable: false),
                    paper_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    vector_seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_paper_vectors", x => new { x.paper_id, x.model });
                });

            migrationBuilder.InsertData(
                table: "store_counters",
                columns: new[] { "name", "value" },
                values: new object[] { "vector_changes", 0L });

            migrationBuilder.CreateIndex(
                name: "ix_paper_vectors_model_vector_seq",
                table: "paper_vectors",
                columns: new[] { "model", "vector_seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "paper_vectors");

            migrationBuilder.DeleteData(
                table: "store_counters",
                keyColumn: "name",
                keyValue: "vector_changes");
        }
    }
}
