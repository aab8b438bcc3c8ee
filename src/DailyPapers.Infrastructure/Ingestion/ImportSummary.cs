using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>The counts an import reports at the end, with every rejection and where it was.</summary>
public sealed class ImportSummary
{
    public int New { get; internal set; }

    public int Updated { get; internal set; }

    public int Unchanged { get; internal set; }

    public int Deleted { get; internal set; }

    public List<RejectedItem> Rejections { get; } = [];

    public int Rejected => Rejections.Count;

    public int Total => New + Updated + Unchanged + Deleted + Rejected;

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
        Rejections.AddRange(other.Rejections);
    }
}
