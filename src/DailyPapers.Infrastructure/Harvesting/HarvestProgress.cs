namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>One page fetched: which list, how far it has got, and where it goes on.</summary>
/// <param name="Source">"oai-pmh cs" or "feed cs.LG".</param>
/// <param name="Records">Records received from this list so far in this run.</param>
/// <param name="Kept">Of those, the ones written (the rest were outside the configured categories).</param>
/// <param name="ResumptionToken">The token for the next page; null on the last page.</param>
/// <param name="Cursor">The server's cursor; arXiv's 2025 server does not send one.</param>
/// <param name="CompleteListSize">The list's size; arXiv's 2025 server does not send one.</param>
public readonly record struct HarvestProgress(
    string Source, int Page, int Records, int Kept, string? ResumptionToken, int? Cursor, int? CompleteListSize);
