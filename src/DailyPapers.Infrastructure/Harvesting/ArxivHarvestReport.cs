using DailyPapers.Infrastructure.Ingestion;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>What a harvest run did: the feeds, each set, and the steps that failed.</summary>
public sealed record ArxivHarvestReport(ImportSummary Feeds, IReadOnlyList<OaiPmhHarvestResult> Sets, IReadOnlyList<HarvestFailure> Failures)
{
    public bool Succeeded => Failures.Count == 0;

    public ImportSummary Total
    {
        get
        {
            var total = new ImportSummary();
            total.Add(Feeds);
            foreach (var set in Sets)
            {
                total.Add(set.Summary);
            }

            return total;
        }
    }
}
