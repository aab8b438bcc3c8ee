using Microsoft.EntityFrameworkCore.Design;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDailyPapersDbContext>
{
    public PostgresDailyPapersDbContext CreateDbContext(string[] args) =>
        (PostgresDailyPapersDbContext)new StoreContextFactory(
            new DatabaseOptions { Provider = "Postgres", ConnectionString = "Host=localhost;Database=dailypapers" },
            Path.GetTempPath()).CreateContext();
}
