namespace DailyPapers.Infrastructure.Digests;

public enum OutboxKind
{
    Confirmation = 0,
    Daily = 1,
    Weekly = 2,
    Alert = 3,

    /// <summary>A subscribe request for an address already subscribed, answered by email rather than on the page.</summary>
    AlreadySubscribed = 4,

    /// <summary>A reader's "for you" list of a listing day; the payload holds each paper's reason.</summary>
    ForYouDaily = 5,

    /// <summary>A reader's "for you" list of an ISO week.</summary>
    ForYouWeekly = 6,
}

public enum OutboxStatus
{
    Pending = 0,

    /// <summary>Claimed by a sender until <see cref="OutboxEntity.ClaimedUntil"/>; back to pending if it dies.</summary>
    Sending = 1,

    Sent = 2,

    /// <summary>The server refused the address for good (5xx), or the subscription left before it was sent.</summary>
    Failed = 3,
}

/// <summary>
/// One email to send: one row per (subscription, kind, period), created at most once (the unique key) however often
/// or concurrently the planner runs. Senders claim rows, send, and mark them sent (docs/email.md has the guarantee).
/// </summary>
public sealed class OutboxEntity
{
    public long Id { get; set; }

    public long SubscriptionId { get; set; }

    public OutboxKind Kind { get; set; }

    /// <summary>The period or occasion: "2025-06-10" (daily), "2025-W24" (weekly), "12:2025-06-10" (alert 12, day), "3" (3rd confirmation).</summary>
    public string PeriodKey { get; set; } = "";

    /// <summary>
    /// What the message is about, fixed when planned: a JSON array of paper ids (empty for confirmations); for "for you"
    /// rows an array of <c>{"id", "reason"}</c> objects (<see cref="ForYouDigestPayload"/>).
    /// </summary>
    public string Payload { get; set; } = "[]";

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }
}
