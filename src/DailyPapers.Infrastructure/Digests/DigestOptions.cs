namespace DailyPapers.Infrastructure.Digests;

/// <summary>The <c>Digests</c> configuration section: when digests go out, what they hold, and how sending retries.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digests";

    /// <summary>Send digests from the running app (the CLI's <c>digest send</c> works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The site's public address, for the links in emails (papers, manage, unsubscribe).</summary>
    public string SiteUrl { get; set; } = "http://localhost:5000";

    /// <summary>Local time of day the daily digest goes out (Monday to Friday, the days arXiv announces).</summary>
    public TimeOnly SendAt { get; set; } = new(7, 0);

    /// <summary>The time zone of <see cref="SendAt"/>, an IANA id such as Europe/Berlin.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The day the weekly digest of the previous week goes out.</summary>
    public DayOfWeek WeeklyOn { get; set; } = DayOfWeek.Monday;

    public int PapersPerDigest { get; set; } = 10;

    /// <summary>A scheduled digest is sent only for a listing day at most this old (a long-stopped instance does not mail old news).</summary>
    public int MaxListingAgeDays { get; set; } = 3;

    /// <summary>How often the app looks for due messages (and retries).</summary>
    public TimeSpan SendInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages a sender claims at a time.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim holds: a sender that dies releases its unsent messages to others after this.</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>First wait after a temporary failure (SMTP down, 4xx); it doubles with each attempt, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Permanent failures (5xx) in a row after which a subscription is paused.</summary>
    public int HardFailuresToPause { get; set; } = 3;

    /// <summary>
    /// A message the server keeps putting off (a mailbox over quota for days) is given up, and marked failed, after
    /// this many attempts; with the doubling delay capped at <see cref="MaxRetryDelay"/> that is about three days.
    /// </summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>
    /// This many messages in a row put off by the server means the trouble is the server's (a rate limit, a full
    /// queue) rather than each recipient's: the run stops, as for a server that is down, instead of working through
    /// the whole outbox.
    /// </summary>
    public int DeferralsInARowToStop { get; set; } = 3;
}
