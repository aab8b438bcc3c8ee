using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace DailyPapers.Tests.Web;

/// <summary>A result card of a search page as the reader sees it, read back from the HTML.</summary>
public sealed partial record SearchResultCard(string Id, string Title, int Votes, DateOnly? Day, IReadOnlyList<string> Categories, bool HasCode)
{
    /// <summary>The cards of the results list, in order; none when the page has no results list.</summary>
    public static IReadOnlyList<SearchResultCard> ParseAll(string html)
    {
        var start = html.IndexOf("<ol class=\"paper-list search-results\"", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var list = html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];
        return [.. list.Split("<li class=\"paper-card\">").Skip(1).Select(Parse)];
    }

    private static SearchResultCard Parse(string card)
    {
        var title = TitleLink().Match(card);
        var day = DayTime().Match(card);
        return new SearchResultCard(
            title.Groups["id"].Value,
            WebUtility.HtmlDecode(Tags().Replace(title.Groups["title"].Value, "")),
            int.Parse(VoteCount().Match(card).Groups[1].Value, CultureInfo.InvariantCulture),
            day.Success ? DateOnly.ParseExact(day.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            [.. Category().Matches(card).Select(m => m.Groups[1].Value)],
            card.Contains("rel=\"noopener nofollow\">Code", StringComparison.Ordinal));
    }

    [GeneratedRegex("""<h2 class="paper-title math"><a href="/papers/(?<id>[^"]+)">(?<title>.*?)</a>""", RegexOptions.Singleline)]
    private static partial Regex TitleLink();

    [GeneratedRegex("""<div class="votes"><strong>(\d+)</strong>""")]
    private static partial Regex VoteCount();

    [GeneratedRegex("""<time class="day" datetime="([0-9-]+)">""")]
    private static partial Regex DayTime();

    [GeneratedRegex("""<span class="cat">([^<]+)</span>""")]
    private static partial Regex Category();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
