using System.Text.RegularExpressions;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// The description of an arXiv feed item packs three fields into one text:
/// "arXiv:2203.01250v3 Announce Type: replace-cross \nAbstract: We consider…".
/// </summary>
internal readonly partial record struct ArxivRssDescription(string? Id, string? AnnounceType, string? Abstract)
{
    public static ArxivRssDescription Parse(string? description)
    {
        if (description is null)
        {
            return default;
        }

        var match = Layout().Match(description);
        return match.Success
            ? new ArxivRssDescription(match.Groups["id"].Value, match.Groups["type"].Value, match.Groups["abstract"].Value)
            : new ArxivRssDescription(null, null, description); // an older or simpler feed: the text is the abstract
    }

    [GeneratedRegex(@"^\s*arXiv:(?<id>\S+)\s+Announce Type:\s*(?<type>[\w-]+)\s*(?:Abstract:)?\s*(?<abstract>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Layout();
}
