using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Papers;

/// <summary>The reads behind the listing pages, paper pages and the daily-papers API.</summary>
public sealed class PaperQueries(StoreContextFactory store)
{
    public async Task<DateOnly?> LatestListingDayAsync(CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var days = await context.Listings.OrderByDescending(l => l.Day).Select(l => l.Day).Take(1).ToListAsync(cancellationToken);
        return days.Count == 0 ? null : days[0];
    }

    /// <summary>The nearest day before (or after) <paramref name="day"/> that has listings, for previous/next links.</summary>
    public async Task<DateOnly?> AdjacentListingDayAsync(DateOnly day, bool after, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var query = after
            ? context.Listings.Where(l => l.Day > day).OrderBy(l => l.Day)
            : context.Listings.Where(l => l.Day < day).OrderByDescending(l => l.Day);
        var days = await query.Select(l => l.Day).Take(1).ToListAsync(cancellationToken);
        return days.Count == 0 ? null : days[0];
    }

    /// <summary>
    /// Papers listed in the period, each once, ranked by votes, then by when they were first listed, then id.
    /// </summary>
    public async Task<ListingPage> ListAsync(
        ListingPeriod period, ListingSource? source, int pageIndex, int pageSize, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var listings = context.Listings.Where(l => l.Day >= period.Start && l.Day <= period.End && !l.Paper!.IsDeleted);
        if (source is { } only)
        {
            listings = listings.Where(l => l.Source == only);
        }

        var ranked = listings
            .GroupBy(l => l.PaperId)
            .Select(g => new { PaperId = g.Key, Votes = g.Sum(l => l.Upvotes), FirstDay = g.Min(l => l.Day), FirstListedAt = g.Min(l => l.ListedAt) });
        var total = await ranked.CountAsync(cancellationToken);
        var page = await ranked
            .OrderByDescending(r => r.Votes).ThenBy(r => r.FirstDay).ThenBy(r => r.FirstListedAt).ThenBy(r => r.PaperId)
            .Skip(pageIndex * pageSize).Take(pageSize)
            .Select(r => r.PaperId)
            .ToListAsync(cancellationToken);

        var papers = await LoadAsync(context, page, period, cancellationToken);
        return new ListingPage(period, page.Select(id => papers[id].Paper).ToList(), total, pageIndex, pageSize);
    }

    public async Task<ListedPaper?> FindAsync(ArxivId id, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var papers = await LoadAsync(context, [id.Value], null, cancellationToken);
        return papers.TryGetValue(id.Value, out var paper) && !paper.IsDeleted ? paper.Paper : null;
    }

    private static async Task<Dictionary<string, (ListedPaper Paper, bool IsDeleted)>> LoadAsync(
        DailyPapersDbContext context, IReadOnlyCollection<string> ids, ListingPeriod? period, CancellationToken cancellationToken)
    {
        var rows = await context.Papers.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var listings = await context.Listings.AsNoTracking().Where(l => ids.Contains(l.PaperId)).ToListAsync(cancellationToken);
        var byPaper = listings.ToLookup(l => l.PaperId);
        return rows.ToDictionary(p => p.Id, p => (PaperMapping.ToListed(p, byPaper[p.Id], period), p.IsDeleted));
    }
}
