using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// The papers inside the embedding window without a current vector, as the metrics report them. Counting them reads
/// every pending paper (9 s at 2.7M), so a sample counts again only when the papers' or the vectors' change counter
/// or the window's first day moved since the last count, or <see cref="MaxAge"/> passed (a batch of papers whose text
/// did not change is marked current without moving a counter), and not before <see cref="CountSpacing"/> times as long
/// as the last count took has passed (at most a tenth of a core).
/// </summary>
public sealed class EmbeddingBacklog(PaperVectorStore vectors, StoreVersion version, string model, TimeProvider clock, EmbeddingWindow? window = null)
{
    private const int CountSpacing = 10;

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    private (long Papers, long Vectors, DateTime? Since)? _countedAt;
    private long _countEnded;
    private TimeSpan _countTook;

    /// <summary>The last count; -1 before the first.</summary>
    public long Value { get; private set; } = -1;

    /// <summary>Counts again when something moved and the spacing allows; returns <see cref="Value"/>.</summary>
    public async Task<long> SampleAsync(CancellationToken cancellationToken)
    {
        if (_countedAt is not null && clock.GetElapsedTime(_countEnded) < _countTook * CountSpacing)
        {
            return Value;
        }

        var since = window?.Cutoff();
        var state = (await version.CurrentAsync(cancellationToken), await vectors.ReadSequenceAsync(cancellationToken), since);
        if (state == _countedAt && clock.GetElapsedTime(_countEnded) < MaxAge)
        {
            return Value;
        }

        var started = clock.GetTimestamp();
        Value = await vectors.CountPendingAsync(model, since, cancellationToken);
        (_countedAt, _countEnded, _countTook) = (state, clock.GetTimestamp(), clock.GetElapsedTime(started));
        return Value;
    }
}
