using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Storage;

public sealed class PostgresDailyPapersDbContext(DbContextOptions<PostgresDailyPapersDbContext> options)
    : DailyPapersDbContext(options)
{
    public override StoreProvider Provider => StoreProvider.Postgres;
}
