namespace DailyPapers.Infrastructure.Digests;

public enum SubscriptionStatus
{
    /// <summary>Asked for, confirmation email sent, not yet confirmed: nothing else is sent.</summary>
    Pending = 0,

    Confirmed = 1,

    /// <summary>The reader left (link, one-click header or manage page); kept so a resubscribe starts clean.</summary>
    Unsubscribed = 2,

    /// <summary>Repeated hard bounces: nothing is sent until the reader confirms again.</summary>
    Paused = 3,
}

/// <summary>An email address that receives digests or alerts. Identified by the address, case-insensitively.</summary>
public sealed class SubscriptionEntity
{
    public long Id { get; set; }

    public string Email { get; set; } = "";

    /// <summary>The address upper-cased (invariant): the unique key, so Ada@X.org and ada@x.org are one subscriber.</summary>
    public string NormalizedEmail { get; set; } = "";

    public SubscriptionStatus Status { get; set; }

    public bool Daily { get; set; } = true;

    public bool Weekly { get; set; }

    /// <summary>
    /// The reader's own "for you" list by email, weekdays: only for a subscription of the account's own confirmed
    /// address (<see cref="UserId"/> set and the addresses equal), since the list says what the account liked.
    /// </summary>
    public bool ForYouDaily { get; set; }

    /// <summary>The "for you" list of the past week, on the weekly digest's day.</summary>
    public bool ForYouWeekly { get; set; }

    /// <summary>The account that subscribed while signed in, if any.</summary>
    public string? UserId { get; set; }

    /// <summary>Part of every link's signed token: changing it voids old links (not done yet, but possible).</summary>
    public string TokenSecret { get; set; } = "";

    /// <summary>Counts confirmation (and already-subscribed) emails sent, so each request gets its own outbox row.</summary>
    public int ConfirmationsSent { get; set; }

    public DateTime? ConfirmationSentAt { get; set; }

    /// <summary>Hard failures (5xx) in a row; at the limit the subscription is paused.</summary>
    public int HardFailures { get; set; }

    public string? LastFailure { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? UnsubscribedAt { get; set; }
}
