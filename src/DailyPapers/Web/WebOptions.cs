namespace DailyPapers.Web;

/// <summary>The <c>Web</c> configuration section: how the site serves pages.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Keep rendered listing pages, paper pages and read-API answers in memory until the store changes (see
    /// <see cref="StoreVersionedCachePolicy"/>). Off only to measure or debug the uncached path.
    /// </summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>Account form posts (sign in, sign up, password reset) allowed per client address per minute.</summary>
    public int AccountPostsPerMinute { get; set; } = 10;

    /// <summary>Votes (cast or taken back) one reader may send per minute; a client address may send this many times <see cref="ReadersPerAddress"/>.</summary>
    public int VotesPerMinute { get; set; } = 60;

    /// <summary>Comments (new, edited or deleted) one reader may send per minute.</summary>
    public int CommentsPerMinute { get; set; } = 10;

    /// <summary>Paper submissions one reader may send per minute (the daily limit is <c>Submissions:PerUserPerDay</c>).</summary>
    public int SubmissionsPerMinute { get; set; } = 5;

    /// <summary>Subscribe requests (each sends a confirmation email) one client address may make per minute.</summary>
    public int SubscribesPerMinute { get; set; } = 5;

    /// <summary>How many readers' worth of votes, comments and submissions one client address may send (a lab behind one NAT address).</summary>
    public int ReadersPerAddress { get; set; } = 20;

    /// <summary>The sitemap protocol's limit of URLs in one file (sitemaps.org), and the default.</summary>
    /// <summary>
    /// How many changed papers this node's search index may have left to index and still count as ready
    /// (<c>/readyz</c>): a node that has just started, or fell behind a big import, answers 503 until it has caught up.
    /// </summary>
    public long ReadyMaxIndexLag { get; set; } = 1000;

    /// <summary>
    /// Addresses of reverse proxies (nginx) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed,
    /// space- or comma-separated, besides this machine's own (127.0.0.1, ::1), which is always trusted. Rate limits
    /// per client address use the address the proxy reports.
    /// </summary>
    public string TrustedProxies { get; set; } = "";

    public const int MaxSitemapUrlsPerFile = 50_000;

    /// <summary>
    /// URLs in one sitemap file (<see cref="Sitemaps"/>). A different value renumbers every file, so crawlers fetch
    /// them all again; tests lower it to cut a small store into several files.
    /// </summary>
    public int SitemapUrlsPerFile { get; set; } = MaxSitemapUrlsPerFile;
}
