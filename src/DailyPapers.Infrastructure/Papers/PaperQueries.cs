using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>
/// Opens the reads behind the listing pages, paper pages and the daily-papers API: a request reads through one
/// <see cref="PaperReader"/>, so one connection serves all of its queries.
/// </summary>
public sealed class PaperQueries(StoreContextFactory store)
{
    public PaperReader OpenReader() => new(store);
}
