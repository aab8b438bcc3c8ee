using DailyPapers.Core.Listings;
using DailyPapers.Core.Ranking;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Signals;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Recommendations;

/// <summary>A reader's list for a stretch of listing days, and how it was made.</summary>
public sealed record ForYouList(
    IReadOnlyList<ForYouPaper> Papers, DateOnly First, DateOnly Last, int Days, int PersonalWeight, bool IsCold, bool HasModel);

/// <summary>
/// "For you": the papers of the reader's last 1, 3 or 7 listing days (counted back from the latest listing day when the
/// store holds nothing newer, as trending is), or of a digest's day or week, without those they marked "not
/// interested" or already saved or picked, ranked by <see cref="ForYouScoring"/>.
/// </summary>
public sealed class ForYouRanker(
    PaperReader reader, ReaderSignalReader signals, ReaderModels models, ForYouPools pools, IOptions<TrendingOptions> trending, TimeProvider clock)
{
    public static readonly int[] DayChoices = [1, 3, 7];

    /// <summary>The reader's list of their last days; null when there is no such account.</summary>
    public async Task<ForYouList?> RankAsync(string userId, int take, CancellationToken cancellationToken)
    {
        if (await signals.ReadAsync(userId, cancellationToken) is not { } set)
        {
            return null;
        }

        var asOf = Trending.AsOf(clock.GetUtcNow(), await reader.LatestListingDayAsync(cancellationToken));
        var last = DateOnly.FromDateTime(asOf.UtcDateTime.AddTicks(-1));
        var period = new ListingPeriod(ListingPeriodKind.Day, last.AddDays(1 - set.Days), last);
        return await RankAsync(set, period, asOf, set.Days <= 1 ? TrendingWindow.Day : TrendingWindow.Week, take, cancellationToken);
    }

    /// <summary>The reader's list of one listing day or week, as their "for you" digest shows it; null when there is no such account.</summary>
    public async Task<ForYouList?> RankPeriodAsync(string userId, ListingPeriod period, int take, CancellationToken cancellationToken)
    {
        if (await signals.ReadAsync(userId, cancellationToken) is not { } set)
        {
            return null;
        }

        var window = period.Kind == ListingPeriodKind.Day ? TrendingWindow.Day : TrendingWindow.Week;
        return await RankAsync(set, period, Trending.AsOf(clock.GetUtcNow(), period.End), window, take, cancellationToken);
    }

    private async Task<ForYouList> RankAsync(
        ReaderSignalSet set, ListingPeriod period, DateTimeOffset asOf, TrendingWindow window, int take, CancellationToken cancellationToken)
    {
        var pool = await pools.GetAsync(reader, period, asOf, trending.Value.HalfLife(window), cancellationToken);
        var known = set.Positives.Where(p => p.Source != PositiveSource.Vote).Select(p => p.PaperId).Concat(set.Dismissed).ToHashSet(StringComparer.Ordinal);
        var candidates = pool.Papers.Where(p => !known.Contains(p.Id))
            .Select(p => new ForYouCandidate(p, models.VectorOf(p.Id), pool.Community[p.Id]))
            .ToList();

        var liked = set.Positives.Select(p => models.VectorOf(p.PaperId) is { } vector ? new LikedVector(p.PaperId, p.Source, vector) : null)
            .OfType<LikedVector>().ToList();
        // Not this request's token: another request (or the background retraining) may be waiting on the same training.
        var model = await models.ForAsync(set, liked, ids => reader.AuthorsOfAsync(ids, CancellationToken.None));
        var ranked = ForYouScoring.Rank(candidates, model, set.Follows, liked, set.PersonalWeight, take);

        // Titles only of the liked papers a reason names: a few, not all the reader's signals.
        var named = ranked.Select(r => r.Reason.LikedId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var titles = (await reader.FindManyAsync(named, cancellationToken)).ToDictionary(p => p.Id, p => p.Title, StringComparer.Ordinal);
        return new ForYouList(
            [.. ranked.Select(r => new ForYouPaper(r.Paper, r.Score, r.Reason.Text(id => titles.GetValueOrDefault(id))))],
            period.Start,
            period.End,
            period.End.DayNumber - period.Start.DayNumber + 1,
            set.PersonalWeight,
            set.IsCold,
            model is not null);
    }
}
