using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// The counts an import reports at the end, with the first rejections and where they were (a file of millions of bad
/// lines must not fill memory: <see cref="ImportJournal.Rejected"/> sees every one).
/// </summary>
public sealed class ImportSummary
{
    public const int RejectionsKept = 1_000;

    private readonly List<RejectedItem> _rejections = [];

    public int New { get; internal set; }

    public int Updated { get; internal set; }

    public int Unchanged { get; internal set; }

    public int Deleted { get; internal set; }

    /// <summary>The first <see cref="RejectionsKept"/> rejections.</summary>
    public IReadOnlyList<RejectedItem> Rejections => _rejections;

    public int Rejected { get; private set; }

    public int Total => New + Updated + Unchanged + Deleted + Rejected;

    public void Reject(RejectedItem rejected)
    {
        Rejected++;
        if (_rejections.Count < RejectionsKept)
        {
            _rejections.Add(rejected);
        }
    }

    internal void Count(ImportOutcome outcome)
    {
        switch (outcome)
        {
            case ImportOutcome.New: New++; break;
            case ImportOutcome.Updated: Updated++; break;
            case ImportOutcome.Deleted: Deleted++; break;
            default: Unchanged++; break;
        }
    }

    public void Add(ImportSummary other)
    {
        New += other.New;
        Updated += other.Updated;
        Unchanged += other.Unchanged;
        Deleted += other.Deleted;
        _rejections.AddRange(other._rejections.Take(RejectionsKept - _rejections.Count));
        Rejected += other.Rejected;
    }
}
