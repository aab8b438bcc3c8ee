namespace DailyPapers.Core.Digests;

/// <summary>The absolute URLs of one subscriber's email; a paper's link is <c>{Site}/papers/{id}</c>.</summary>
public sealed record DigestLinks(Uri Site, Uri Manage, Uri Unsubscribe);
