namespace DailyPapers.Pages.Account;

/// <summary>Where to go after signing in: only a path on this site, so <c>returnUrl</c> cannot be an open redirect.</summary>
public static class ReturnUrl
{
    public static string Safe(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) && !url.Contains('\n', StringComparison.Ordinal)
            ? url
            : "/";
}
