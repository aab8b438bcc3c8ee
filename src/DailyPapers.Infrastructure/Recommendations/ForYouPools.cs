using DailyPapers.Core.Listings;
using DailyPapers.Core.Ranking;
using DailyPapers.Infrastructure.Papers;
using Microsoft.Extensions.Caching.Memory;

namespace DailyPapers.Infrastructure.Recommendations;

/// <summary>The papers of a stretch of listing days that every reader's list is ranked from, with their trending scores.</summary>
public sealed record ForYouPool(IReadOnlyList<ListedPaper> Papers, IReadOnlyDictionary<string, double> Community);

/// <summary>
/// The pools of the stretches readers ask for (the last 1, 3 or 7 days; a digest's day or week), shared by every
/// reader on this node: read once per store change (<see cref="StoreVersion"/>: a vote, an import, a listing) and at
/// most <see cref="MaxAge"/> old, instead of a week of papers read again per request. Trending decays with time
/// uniformly, so a pool a minute old ranks papers as a fresh one would.
/// </summary>
public sealed class ForYouPools(StoreVersion version) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>More than 7 days of every category hold; the list is ranked from all of them.</summary>
    public const int MaxCandidates = 10_000;

    private readonly MemoryCache _pools = new(new MemoryCacheOptions { SizeLimit = 32 });

    public async Task<ForYouPool> GetAsync(PaperReader reader, ListingPeriod period, DateTimeOffset asOf, TimeSpan halfLife, CancellationToken cancellationToken)
    {
        var current = await version.CurrentAsync(cancellationToken);
        var key = (period.Kind, period.Start, period.End, halfLife);
        if (_pools.TryGetValue(key, out (long Version, ForYouPool Pool) known) && known.Version == current)
        {
            return known.Pool;
        }

        var listed = await reader.ListAsync(period, new ListingFilter(), 0, MaxCandidates, false, cancellationToken);
        var papers = listed.Page.Papers;
        var local = await reader.LocalVoteTimesAsync([.. papers.Select(p => p.Id)], cancellationToken);
        var community = Trending.Rank(papers, asOf, halfLife, local).ToDictionary(t => t.Paper.Id, t => t.Score, StringComparer.Ordinal);
        var pool = new ForYouPool(papers, community);
        _pools.Set(key, (current, pool), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });
        return pool;
    }

    public void Dispose() => _pools.Dispose();
}
