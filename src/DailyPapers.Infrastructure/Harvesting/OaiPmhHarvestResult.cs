using DailyPapers.Infrastructure.Ingestion;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>What one set's harvest did.</summary>
/// <param name="Records">Records received (before the category filter).</param>
/// <param name="Datestamp">The datestamp the next incremental harvest of this set will start from.</param>
/// <param name="Resumed">Whether the run went on from a list that an earlier run left unfinished.</param>
public sealed record OaiPmhHarvestResult(
    string Set, DateOnly From, DateOnly? Until, int Pages, int Records, ImportSummary Summary, DateOnly? Datestamp, bool Resumed);
