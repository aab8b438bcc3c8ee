using Microsoft.EntityFrameworkCore.Design;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDailyPapersDbContext>
{
    public SqliteDailyPapersDbContext CreateDbContext(string[] args) =>
        (SqliteDailyPapersDbContext)new StoreContextFactory(new DatabaseOptions(), Path.GetTempPath()).CreateContext();
}
