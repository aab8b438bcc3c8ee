using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Storage;

public sealed class SqliteDailyPapersDbContext(DbContextOptions<SqliteDailyPapersDbContext> options)
    : DailyPapersDbContext(options)
{
    public override StoreProvider Provider => StoreProvider.Sqlite;
}
