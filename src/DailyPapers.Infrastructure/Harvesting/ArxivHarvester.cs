using DailyPapers.Infrastructure.Ingestion;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// One harvest run, the same for the background service and <c>dailypapers harvest arxiv</c>: the announcement feeds
/// of the configured categories, then each OAI-PMH set incrementally. A failing step does not stop the others,
/// except when arXiv is unreachable: then every further request would only wait out its retries too.
/// </summary>
public sealed class ArxivHarvester(OaiPmhHarvester oaiPmh, ArxivFeedHarvester feeds, IOptions<HarvestOptions> options)
{
    public async Task<ArxivHarvestReport> RunAsync(ArxivHarvestRequest request, IProgress<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        var categories = options.Value.CategoryList;
        var feedSummary = new ImportSummary();
        var sets = new List<OaiPmhHarvestResult>();
        var failures = new List<HarvestFailure>();
        var steps = new List<(string Name, Func<Task> Run)>();
        if (request.IncludeFeeds)
        {
            steps.AddRange(categories.Select(category => ($"feed {category}", (Func<Task>)(async () =>
                feedSummary.Add(await feeds.HarvestAsync(category, progress, cancellationToken))))));
        }

        foreach (var set in request.Sets ?? options.Value.Sets)
        {
            // A set broader than the categories (cs for cs.LG) is filtered to them; a set that holds none of them
            // (an explicit --set physics:hep-th) is taken whole, since that is what was asked for.
            var within = ArxivSets.CategoriesWithin(set, categories);
            var setRequest = new OaiPmhHarvestRequest(set)
            {
                From = request.From,
                Until = request.Until,
                Categories = within.Count > 0 ? within : null,
            };
            steps.Add(($"oai-pmh {set}", async () => sets.Add(await oaiPmh.HarvestAsync(setRequest, progress, cancellationToken))));
        }

        foreach (var (name, run) in steps)
        {
            try
            {
                await run();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add(new HarvestFailure(name, ex));
                if (ex is ArxivUnavailableException)
                {
                    break;
                }
            }
        }

        return new ArxivHarvestReport(feedSummary, sets, failures);
    }
}
