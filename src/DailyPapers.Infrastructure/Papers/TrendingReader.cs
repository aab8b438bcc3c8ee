using DailyPapers.Core.Listings;
using DailyPapers.Core.Ranking;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>Trending papers for the page and the API: the voted papers of a window, ranked by decayed votes.</summary>
public sealed class TrendingReader(PaperReader reader, IOptions<TrendingOptions> options, TimeProvider clock)
{
    /// <summary>More than anyone pages through; the most voted papers of a window are the only ones that can trend.</summary>
    public const int Candidates = 1000;

    /// <summary>The last day, week or month up to now (or up to the latest listing day, if the store has nothing newer).</summary>
    public async Task<TrendingView> ReadAsync(TrendingWindow window, CancellationToken cancellationToken)
    {
        var asOf = Trending.AsOf(clock.GetUtcNow(), await reader.LatestListingDayAsync(cancellationToken));
        var (first, last) = Trending.Days(window, asOf);
        return await RankAsync(new ListingPeriod(ListingPeriodKind.Day, first, last), asOf, options.Value.HalfLife(window), cancellationToken);
    }

    /// <summary>A named day, week or month, ranked as it stood at its end (or now, for the current one).</summary>
    public Task<TrendingView> ReadAsync(ListingPeriod period, CancellationToken cancellationToken)
    {
        var window = period.Kind switch
        {
            ListingPeriodKind.Day => TrendingWindow.Day,
            ListingPeriodKind.Week => TrendingWindow.Week,
            _ => TrendingWindow.Month,
        };
        var asOf = Trending.AsOf(clock.GetUtcNow(), period.End);
        return RankAsync(period, asOf, options.Value.HalfLife(window), cancellationToken);
    }

    private async Task<TrendingView> RankAsync(ListingPeriod period, DateTimeOffset asOf, TimeSpan halfLife, CancellationToken cancellationToken)
    {
        var voted = await reader.VotedInAsync(period, Candidates, cancellationToken);
        var local = await reader.LocalVoteTimesAsync([.. voted.Select(p => p.Id)], cancellationToken);
        return new TrendingView(period.Start, period.End, asOf, halfLife, Trending.Rank(voted, asOf, halfLife, local));
    }
}
