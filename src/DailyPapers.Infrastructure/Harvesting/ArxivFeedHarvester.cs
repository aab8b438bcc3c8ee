using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// Reads arXiv's daily announcement feed of a category (<c>{RssBaseUrl}/rss/cs.LG</c>): the only source that says
/// on which day arXiv listed a paper, which OAI-PMH datestamps do not. One feed per category rather than one
/// combined feed, since a combined feed stops at 2,000 items and a busy day of several categories reaches that.
/// </summary>
public sealed class ArxivFeedHarvester(ArxivHttpClient http, PaperWriter writer, IOptions<HarvestOptions> options, ILogger<ArxivFeedHarvester> logger)
{
    public Uri FeedUri(string category) => new($"{options.Value.RssBaseUrl.TrimEnd('/')}/rss/{Uri.EscapeDataString(category)}");

    public async Task<ImportSummary> HarvestAsync(string category, IProgress<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        var uri = FeedUri(category);
        List<SourceItem> items;
        await using (var body = await http.GetAsync(uri, cancellationToken))
        {
            items = ArxivRssReader.Read(body, $"{uri.Host} feed {category}", cancellationToken).ToList();
        }

        var summary = new ImportSummary();
        var keep = new List<SourceItem>(items.Count);
        foreach (var item in items)
        {
            if (item is RejectedItem rejected)
            {
                summary.Reject(rejected);
            }
            else
            {
                keep.Add(item);
            }
        }

        // Empty on weekends and holidays, when arXiv announces nothing.
        if (keep.Count > 0)
        {
            foreach (var outcome in await writer.WriteAsync(keep, cancellationToken))
            {
                summary.Count(outcome);
            }
        }

        progress?.Report(new HarvestProgress($"feed {category}", 1, items.Count, keep.Count, null, null, null));
        logger.LogInformation(
            "arXiv feed {Category}: {Items} item(s), {New} new, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            category, items.Count, summary.New, summary.Updated, summary.Unchanged, summary.Rejected);
        return summary;
    }
}
