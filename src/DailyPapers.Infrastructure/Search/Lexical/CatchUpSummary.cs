namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>What one catch-up or rebuild did.</summary>
/// <param name="Indexed">Papers added or replaced.</param>
/// <param name="Removed">Withdrawn papers taken out.</param>
/// <param name="Sequence">The store change sequence the index now covers (and has committed).</param>
public sealed record CatchUpSummary(int Indexed, int Removed, long Sequence, TimeSpan Elapsed)
{
    public bool ChangedAnything => Indexed + Removed > 0;
}
