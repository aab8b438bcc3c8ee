namespace DailyPapers.Core.Papers;

/// <summary>
/// What a source parser yields for each record it reads: a paper (maybe listed on a day), a deletion,
/// or a rejection saying where and why. <c>Location</c> is "file:line" or "file#record" for the import summary.
/// </summary>
public abstract record SourceItem(string Location);

public sealed record PaperItem(string Location, PaperRecord Paper, ListingRecord? Listing = null) : SourceItem(Location);

/// <summary>The source says the paper was withdrawn from its feed (OAI-PMH <c>status="deleted"</c>).</summary>
public sealed record DeletionItem(string Location, ArxivId Id) : SourceItem(Location);

public sealed record RejectedItem(string Location, string Reason) : SourceItem(Location);
