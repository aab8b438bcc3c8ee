namespace DailyPapers.Infrastructure.Digests;

public enum ConfirmOutcome
{
    /// <summary>Tampered, expired, cut short, or for a subscription that no longer exists.</summary>
    InvalidLink,

    /// <summary>The pending request is confirmed now.</summary>
    Confirmed,

    /// <summary>Confirmed before (by this link or otherwise): nothing changed.</summary>
    AlreadyConfirmed,

    /// <summary>The subscription was left or paused, or asked for again since the link was sent: nothing changed.</summary>
    NoLongerPending,
}

/// <summary>What following a confirmation link did, and the subscription it names (null for an invalid link).</summary>
public sealed record ConfirmResult(ConfirmOutcome Outcome, SubscriptionEntity? Subscription);
