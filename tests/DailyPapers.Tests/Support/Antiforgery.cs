using System.Net;
using System.Text.RegularExpressions;

namespace DailyPapers.Tests.Support;

/// <summary>The antiforgery token a page's form carries, as a browser would post it back.</summary>
public static partial class Antiforgery
{
    public const string FieldName = "__RequestVerificationToken";

    public static string Token(string page) => WebUtility.HtmlDecode(Pattern().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Pattern();
}
