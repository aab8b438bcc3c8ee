using System.Globalization;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// Harvests one OAI-PMH set incrementally (ListRecords, metadataPrefix=arXiv), writing each page as it arrives so a
/// failure loses nothing already fetched. After every page it saves the resumption token, and only a complete list
/// moves the remembered datestamp, so the run after a failure finishes the list (or repeats it from the datestamp,
/// harmlessly: writes are idempotent) and nothing is missed.
/// </summary>
public sealed class OaiPmhHarvester(
    ArxivHttpClient http,
    PaperWriter writer,
    HarvestCheckpoints checkpoints,
    IOptions<HarvestOptions> options,
    TimeProvider clock,
    ILogger<OaiPmhHarvester> logger)
{
    public const string MetadataPrefix = "arXiv";

    // The 2025 server's tokens expire daily; an older one is not worth a request.
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(1);

    public async Task<OaiPmhHarvestResult> HarvestAsync(OaiPmhHarvestRequest request, IProgress<HarvestProgress>? progress, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.OaiPmhBaseUrl;
        var set = request.Set;
        var remembered = await checkpoints.GetDatestampAsync(set, cancellationToken);
        var saved = await checkpoints.GetResumptionAsync(set, cancellationToken);
        // An unfinished first harvest fixed its start day; days later, "today - InitialDays" would leave its first days out.
        var from = request.From ?? remembered ?? saved?.From ?? Today().AddDays(-options.Value.InitialDays);
        var resumable = saved is not null && saved.BaseUrl == baseUrl && saved.From == from && saved.Until == request.Until
            && clock.GetUtcNow() - saved.SavedAt < TokenLifetime;
        var list = resumable ? saved! : null;
        if (list is not null)
        {
            logger.LogInformation("Resuming OAI-PMH set {Set} from {From} after page {Page} (token saved {SavedAt:u})", set, from, list.Pages, list.SavedAt);
        }
        else
        {
            logger.LogInformation("Harvesting OAI-PMH set {Set} from {From} at {BaseUrl}", set, from, baseUrl);
        }

        var summary = new ImportSummary();
        var pages = 0;
        var records = 0;
        var kept = 0;
        var resumed = list is not null;
        while (true)
        {
            var uri = list is null ? ListUri(baseUrl, set, from, request.Until) : ResumeUri(baseUrl, list.ResumptionToken);
            var pageNumber = (list?.Pages ?? 0) + 1;
            OaiPmhPage page;
            await using (var body = await http.GetAsync(uri, cancellationToken))
            {
                page = OaiPmhReader.ReadPage(body, $"{uri.Host} set {set} page {pageNumber}", cancellationToken);
            }

            if (page.ErrorCode == "noRecordsMatch")
            {
                list ??= NewList(baseUrl, set, from, request.Until, page);
                break;
            }

            if (page.ErrorCode == "badResumptionToken" && resumed && pages == 0)
            {
                // The saved token expired while we were away: start the list again; what was written stays written.
                logger.LogInformation("The saved resumption token for set {Set} has expired; harvesting the set again from {From}", set, from);
                await checkpoints.ClearResumptionAsync(set, cancellationToken);
                list = null;
                resumed = false;
                continue;
            }

            if (page.ErrorCode is { } code)
            {
                throw new OaiPmhException(code, $"arXiv's OAI-PMH server answered {uri} with error \"{code}\": {page.ErrorMessage ?? "(no message)"}");
            }

            list ??= NewList(baseUrl, set, from, request.Until, page);
            var keep = Filter(page.Items, request.Categories, summary);
            if (keep.Count > 0)
            {
                var outcomes = await writer.WriteAsync(keep, cancellationToken);
                foreach (var outcome in outcomes)
                {
                    summary.Count(outcome);
                }
            }

            pages++;
            records += page.Items.Count;
            kept += keep.Count;
            var token = string.IsNullOrWhiteSpace(page.ResumptionToken) ? null : page.ResumptionToken;
            progress?.Report(new HarvestProgress($"oai-pmh {set}", pageNumber, records, kept, token, page.Cursor, page.CompleteListSize));
            if (token is null)
            {
                break;
            }

            // Saved only once the page is written, so a crash in between repeats a page instead of skipping one.
            list = list with { ResumptionToken = token, Pages = pageNumber, Records = list.Records + page.Items.Count, SavedAt = clock.GetUtcNow() };
            await checkpoints.SaveResumptionAsync(list, cancellationToken);
        }

        await checkpoints.ClearResumptionAsync(set, cancellationToken);
        var datestamp = await RememberAsync(set, from, request.Until, remembered, list.ListStartedAt, cancellationToken);
        logger.LogInformation(
            "OAI-PMH set {Set}: {Pages} page(s), {Records} record(s), {New} new, {Updated} updated, {Unchanged} unchanged, {Deleted} deleted, {Rejected} rejected; next harvest from {Datestamp}",
            set, pages, records, summary.New, summary.Updated, summary.Unchanged, summary.Deleted, summary.Rejected, datestamp);
        return new OaiPmhHarvestResult(set, from, request.Until, pages, records, summary, datestamp, resumed);
    }

    private OaiPmhCheckpoint NewList(string baseUrl, string set, DateOnly from, DateOnly? until, OaiPmhPage first) => new()
    {
        BaseUrl = baseUrl,
        Set = set,
        From = from,
        Until = until,
        ResumptionToken = "",
        ListStartedAt = first.ResponseDate ?? clock.GetUtcNow(),
    };

    // arXiv recommends taking the next `from` from the server's responseDate. Datestamps are days in a time zone the
    // protocol does not name, so we go back one more day: a day harvested twice costs a page, a day missed costs papers.
    // The datestamp only moves forward, and only when this run started at or before it (an explicit later --from
    // leaves a gap behind it that the next incremental run must still cover).
    private async Task<DateOnly?> RememberAsync(
        string set, DateOnly from, DateOnly? until, DateOnly? remembered, DateTimeOffset? listStartedAt, CancellationToken cancellationToken)
    {
        var next = DateOnly.FromDateTime((listStartedAt ?? clock.GetUtcNow()).UtcDateTime).AddDays(-1);
        if (until is { } u && u < next)
        {
            next = u;
        }

        if (next < from)
        {
            next = from;
        }

        if (remembered is { } r && (from > r || next <= r))
        {
            return r;
        }

        await checkpoints.SetDatestampAsync(set, next, cancellationToken);
        return next;
    }

    private static List<SourceItem> Filter(IReadOnlyList<SourceItem> items, IReadOnlyCollection<string>? categories, ImportSummary summary)
    {
        var keep = new List<SourceItem>(items.Count);
        foreach (var item in items)
        {
            switch (item)
            {
                case RejectedItem rejected:
                    summary.Reject(rejected);
                    break;
                case PaperItem paper when categories is { Count: > 0 } && !paper.Paper.Categories.Any(categories.Contains):
                    break;
                default:
                    // Deletions are kept whatever the set: one for a paper we never stored changes nothing.
                    keep.Add(item);
                    break;
            }
        }

        return keep;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static Uri ListUri(string baseUrl, string set, DateOnly from, DateOnly? until)
    {
        var query = $"verb=ListRecords&metadataPrefix={MetadataPrefix}&set={Uri.EscapeDataString(set)}&from={Day(from)}";
        return new Uri(baseUrl + Separator(baseUrl) + query + (until is { } u ? $"&until={Day(u)}" : ""));
    }

    private static Uri ResumeUri(string baseUrl, string token) =>
        new(baseUrl + Separator(baseUrl) + "verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token));

    private static string Separator(string baseUrl) => baseUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
