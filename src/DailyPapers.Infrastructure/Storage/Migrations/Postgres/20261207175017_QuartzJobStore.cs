using DailyPapers.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DailyPapers.Infrastructure.Storage.Migrations.Postgres
{
    /// <summary>Quartz's clustered job store (several nodes, each job on one at a time), from Quartz's own script.</summary>
    public partial class QuartzJobStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.CreateStatements(JobSchedulerServiceCollectionExtensions.TablePrefix))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables(JobSchedulerServiceCollectionExtensions.TablePrefix).Reverse())
            {
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table} CASCADE");
            }
        }
    }
}
