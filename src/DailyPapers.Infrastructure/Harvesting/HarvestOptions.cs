namespace DailyPapers.Infrastructure.Harvesting;

/// <summary>
/// The <c>Harvest</c> configuration section: what to take from arXiv and how politely. The initial values repeat
/// appsettings.json so that a host without that file (a test, a tool) still waits 3 s between requests.
/// </summary>
public sealed class HarvestOptions
{
    public const string Section = "Harvest";

    /// <summary>Whether the web host harvests in the background; the CLI verb runs either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>arXiv categories, space-separated (<c>cs.LG cs.CL</c>): their feeds, and the OAI-PMH sets holding them.</summary>
    public string Categories { get; set; } = "cs.LG cs.CL cs.CV cs.AI stat.ML";

    /// <summary>How far back the first harvest of a set reaches.</summary>
    public int InitialDays { get; set; } = 7;

    /// <summary>Time between background harvests, and the longest wait between retries when arXiv is unreachable.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    public string OaiPmhBaseUrl { get; set; } = "https://oaipmh.arxiv.org/oai";

    /// <summary>The feed host; a category's feed is <c>{RssBaseUrl}/rss/{category}</c>.</summary>
    public string RssBaseUrl { get; set; } = "https://rss.arxiv.org";

    /// <summary>The arXiv API (<c>/api/query</c>), for looking papers up by id.</summary>
    public string ApiBaseUrl { get; set; } = "https://export.arxiv.org/api/query";

    /// <summary>The least time between one request's end and the next one's start, across the whole process.</summary>
    public TimeSpan MinRequestInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of one request after a network error, a timeout, a 5xx or a 429.</summary>
    public int MaxRetries { get; set; } = 5;

    public string UserAgent { get; set; } = "DailyPapers/0.1 (self-hosted; https://github.com/dailypapers)";

    /// <summary>How long one attempt may take, body included; the 2025 OAI-PMH server sends large pages.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the background harvest waits after start-up, so it never competes with it.</summary>
    public TimeSpan StartDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The configured categories, in order, without duplicates.</summary>
    public IReadOnlyList<string> CategoryList =>
        Categories.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The OAI-PMH sets that hold the configured categories (<c>cs</c>, <c>stat</c>, <c>physics:hep-th</c>).</summary>
    public IReadOnlyList<string> Sets =>
        CategoryList.Select(ArxivSets.SetFor).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
