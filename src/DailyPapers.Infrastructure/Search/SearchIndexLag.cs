using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Search;

/// <summary>How far this node's search index is behind the store, for readiness.</summary>
/// <param name="Applied">The store change the lexical index has applied up to; -1 while a reindex holds it.</param>
/// <param name="Pending">Papers changed in the store after that, counted up to the cap asked for and one more.</param>
public sealed record IndexLag(long Applied, long Pending);

/// <summary>
/// Counts the papers the index has not seen yet (changed after the sequence it applied), rather than subtracting
/// sequence numbers: a sequence number taken by a write that changed no paper would otherwise look like lag forever.
/// </summary>
public sealed class SearchIndexLag(StoreContextFactory store, SearchIndexVersion index)
{
    public async Task<IndexLag> ReadAsync(long cap, CancellationToken cancellationToken)
    {
        var applied = index.LexicalApplied;
        if (applied < 0)
        {
            return new IndexLag(applied, 0);
        }

        await using var context = store.CreateContext();
        var pending = await context.Papers.AsNoTracking().Where(p => p.ChangeSeq > applied).Take((int)Math.Min(cap + 1, int.MaxValue)).CountAsync(cancellationToken);
        return new IndexLag(applied, pending);
    }
}
