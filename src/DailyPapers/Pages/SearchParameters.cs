using System.Globalization;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search.Lexical;
using Microsoft.Extensions.Primitives;

namespace DailyPapers.Pages;

/// <summary>
/// The search page's query string, read once: q, from, to, cat (repeated and/or comma or space separated), code,
/// sort and p; what is malformed is listed in <see cref="Errors"/> rather than guessed at. Also writes the links
/// that change one of them (sort, page) and keep the rest.
/// </summary>
public sealed class SearchParameters
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Deeper pages than the engine serves (its offset limit) are refused rather than shown empty.</summary>
    public static int MaxPage(int pageSize) => LexicalSearcher.MaxOffset / pageSize + 1;

    private static readonly char[] CategorySeparators = [',', ' ', '\t', '\n', '\r', ';', '+'];

    private SearchParameters()
    {
    }

    /// <summary>The query as typed; "" when none.</summary>
    public string Text { get; private init; } = "";

    public string FromText { get; private init; } = "";

    public string ToText { get; private init; } = "";

    public DateOnly? From { get; private init; }

    public DateOnly? To { get; private init; }

    public IReadOnlyList<string> Categories { get; private init; } = [];

    public bool HasCode { get; private init; }

    public SearchSort Sort { get; private init; }

    /// <summary>Zero-based; the URL's p is one-based.</summary>
    public int PageIndex { get; private init; }

    public IReadOnlyList<string> Errors { get; private init; } = [];

    public bool HasFilters => From is not null || To is not null || Categories.Count > 0 || HasCode;

    public bool HasQuery => !string.IsNullOrWhiteSpace(Text);

    public string CategoriesText => string.Join(", ", Categories);

    public static string SortKey(SearchSort sort) => sort switch
    {
        SearchSort.Newest => "newest",
        SearchSort.MostVoted => "votes",
        _ => "relevance",
    };

    public static SearchParameters Read(IQueryCollection query, int pageSize)
    {
        var errors = new List<string>();
        var fromText = Single(query["from"]);
        var toText = Single(query["to"]);
        var from = ReadDate(fromText, "a start date", errors);
        var to = ReadDate(toText, "an end date", errors);

        var sortText = Single(query["sort"]);
        var sort = SearchSort.Relevance;
        if (sortText.Length > 0)
        {
            switch (sortText.ToLowerInvariant())
            {
                case "relevance": sort = SearchSort.Relevance; break;
                case "newest": sort = SearchSort.Newest; break;
                case "votes": sort = SearchSort.MostVoted; break;
                default: errors.Add($"\"{Shorten(sortText)}\" is not a way to sort: use relevance, newest or votes."); break;
            }
        }

        var pageText = Single(query["p"]);
        var page = 1;
        var maxPage = MaxPage(pageSize);
        if (pageText.Length > 0
            && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > maxPage))
        {
            errors.Add($"\"{Shorten(pageText)}\" is not a page number: use a whole number from 1 to {maxPage}.");
            page = 1;
        }

        // A checkbox sends "on"; links and hand-written URLs may say true or 1. Off, false and 0 mean off.
        var codeText = Single(query["code"]).ToLowerInvariant();
        var hasCode = codeText.Length > 0 && codeText is not ("off" or "false" or "0");

        return new SearchParameters
        {
            Text = string.Join(' ', query["q"].Where(v => v is not null)),
            FromText = fromText,
            ToText = toText,
            From = from,
            To = to,
            // Categories are checked by SearchFilters.Validate: a bad one is an impossible filter, explained with the results.
            Categories = [.. query["cat"]
                .SelectMany(v => (v ?? "").Split(CategorySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Distinct(StringComparer.OrdinalIgnoreCase)],
            HasCode = hasCode,
            Sort = sort,
            PageIndex = page - 1,
            Errors = errors,
        };
    }

    public SearchFilters ToFilters() => new()
    {
        From = From,
        To = To,
        Categories = Categories,
        HasCode = HasCode,
    };

    /// <summary>This search's address with another page or order; without filters when <paramref name="withFilters"/> is false.</summary>
    public string Href(int? pageIndex = null, SearchSort? sort = null, bool withFilters = true)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        if (Text.Length > 0)
        {
            pairs.Add(new("q", Text));
        }

        if (withFilters)
        {
            if (From is not null) pairs.Add(new("from", FromText));
            if (To is not null) pairs.Add(new("to", ToText));
            if (Categories.Count > 0) pairs.Add(new("cat", string.Join(',', Categories)));
            if (HasCode) pairs.Add(new("code", "on"));
        }

        if ((sort ?? Sort) is var order && order != SearchSort.Relevance)
        {
            pairs.Add(new("sort", SortKey(order)));
        }

        if ((pageIndex ?? 0) is > 0 and var index)
        {
            pairs.Add(new("p", (index + 1).ToString(CultureInfo.InvariantCulture)));
        }

        return "/search" + QueryString.Create(pairs);
    }

    private static string Single(StringValues values) => (values.Count > 0 ? values[0] ?? "" : "").Trim();

    private static DateOnly? ReadDate(string text, string which, List<string> errors)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add($"\"{Shorten(text)}\" is not {which}: use YYYY-MM-DD, such as 2025-06-10.");
        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
