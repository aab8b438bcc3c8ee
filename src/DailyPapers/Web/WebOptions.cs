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
}
