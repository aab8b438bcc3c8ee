namespace DailyPapers.Infrastructure.Signals;

/// <summary>A collection as its lists show it: what it is called, who sees it, how many papers it holds.</summary>
public sealed record CollectionSummary(long Id, string Name, string Slug, bool IsPublic, bool IsSignal, int PaperCount, DateTime CreatedAt);

/// <summary>A saved paper in a collection, in the reader's order.</summary>
public sealed record SavedPaper(string PaperId, string Note, DateTime SavedAt);

/// <summary>A collection with its papers in order (hidden or withdrawn papers left out).</summary>
public sealed record CollectionContents(CollectionSummary Collection, IReadOnlyList<SavedPaper> Papers);
