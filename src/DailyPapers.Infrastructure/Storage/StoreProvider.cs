namespace DailyPapers.Infrastructure.Storage;

public enum StoreProvider
{
    Sqlite = 0,
    Postgres = 1,
}
