using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>Reads the papers changed after a point of the store's change sequence, in sequence order, in pages.</summary>
internal sealed class PaperChangeReader(StoreContextFactory store)
{
    /// <summary>The last change sequence the store handed out.</summary>
    public async Task<long> StoreSequenceAsync(CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        return await context.Counters.AsNoTracking()
            .Where(c => c.Name == StoreCounterEntity.PaperChanges)
            .Select(c => c.Value)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The next <paramref name="limit"/> papers with a change sequence above <paramref name="after"/>. The writer gives
    /// every changed row its own sequence number, so a page never ends between two rows of one number.
    /// </summary>
    public async Task<IReadOnlyList<PaperChange>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var context = store.CreateContext();
        var papers = await context.Papers.AsNoTracking()
            .Where(p => p.ChangeSeq > after)
            .OrderBy(p => p.ChangeSeq)
            .Take(limit)
            .Select(p => new { p.Id, p.ChangeSeq, IsDeleted = p.IsDeleted || p.IsHidden, p.LocalVotes, p.Title, p.Abstract, p.Authors, p.Categories, p.SubmittedAt, p.GithubRepo })
            .ToListAsync(cancellationToken);
        if (papers.Count == 0)
        {
            return [];
        }

        // Read apart from the papers: a listing that changes in between also moves its paper further along the
        // sequence, so the next page brings the paper again with it.
        var ids = papers.Where(p => !p.IsDeleted).Select(p => p.Id).ToList();
        var listings = ids.Count == 0
            ? []
            : await context.Listings.AsNoTracking()
                .Where(l => ids.Contains(l.PaperId))
                .GroupBy(l => l.PaperId)
                .Select(g => new { Id = g.Key, Votes = g.Sum(l => l.Upvotes), FirstDay = g.Min(l => l.Day) })
                .ToDictionaryAsync(l => l.Id, cancellationToken);

        return [.. papers.Select(p =>
        {
            if (p.IsDeleted)
            {
                return new PaperChange(p.ChangeSeq, p.Id, null);
            }

            var listing = listings.GetValueOrDefault(p.Id);
            var day = p.SubmittedAt is { } submitted ? DateOnly.FromDateTime(submitted) : listing?.FirstDay;
            var document = new LexicalDocument(
                p.Id,
                p.Title,
                p.Abstract,
                p.Authors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                p.Categories.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                day,
                (listing?.Votes ?? 0) + p.LocalVotes,
                !string.IsNullOrWhiteSpace(p.GithubRepo));
            return new PaperChange(p.ChangeSeq, p.Id, document);
        })];
    }
}
