using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>
/// The reads behind the listing pages, paper pages and the daily-papers API. A request reads through one
/// <see cref="PaperReader"/> (one connection); the one-call methods here suit callers outside a request.
/// </summary>
public sealed class PaperQueries(StoreContextFactory store)
{
    public PaperReader OpenReader() => new(store);

    public async Task<DateOnly?> LatestListingDayAsync(CancellationToken cancellationToken)
    {
        await using var reader = OpenReader();
        return await reader.LatestListingDayAsync(cancellationToken);
    }

    /// <summary>
    /// Papers listed in the period, each once, ranked by votes, then by when they were first listed, then id.
    /// </summary>
    public async Task<ListingPage> ListAsync(
        ListingPeriod period, ListingSource? source, int pageIndex, int pageSize, CancellationToken cancellationToken)
    {
        await using var reader = OpenReader();
        return (await reader.ListAsync(period, source, pageIndex, pageSize, withNeighbours: false, cancellationToken)).Page;
    }

    public async Task<ListedPaper?> FindAsync(ArxivId id, CancellationToken cancellationToken)
    {
        await using var reader = OpenReader();
        return await reader.FindAsync(id, cancellationToken);
    }
}
