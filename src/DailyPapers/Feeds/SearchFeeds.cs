using System.Globalization;
using DailyPapers.Api;
using DailyPapers.Core.Feeds;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Pages;
using DailyPapers.Web;

namespace DailyPapers.Feeds;

/// <summary>
/// <c>/feeds/search.{format}</c> (the search page's query language and filters: q, from, to, cat, code, sort) and
/// <c>/feeds/authors/{name}.{format}</c> (<c>au:"name"</c>). Newest first unless <c>sort=</c> says otherwise: a
/// feed is read for what is new, and by relevance a new paper could rank below the limit and never show.
/// </summary>
public static class SearchFeeds
{
    public const int MaxAuthorLength = 200;

    public static RouteGroupBuilder MapSearchFeeds(this RouteGroupBuilder feeds, string[] methods)
    {
        feeds.MapMethods("/search.{format}", methods, SearchAsync)
            .WithName("getSearchFeed").WithSummary("A search")
            .WithDescription("The search page's query and filters, newest first unless sort says otherwise. Needs q or a filter. " +
                "503 with Retry-After while the search index is too busy to answer.")
            .WithQuery([
                .. FeedParameters.Documented,
                new QueryParameterDoc("q", "The search, in the search page's language: words, \"phrases\", au:, ti:, cat: prefixes.") { Example = "diffusion" },
                QueryParameterDoc.Day("from", "Only papers from this day."),
                QueryParameterDoc.Day("to", "Only papers up to this day."),
                QueryParameterDoc.OneOf("sort", "newest (the default), relevance or votes.", "newest", "relevance", "votes"),
            ])
            .ProducesFeed().ProducesProblems(503);
        feeds.MapMethods("/authors/{author}.{format}", methods, AuthorAsync)
            .WithName("getAuthorFeed").WithSummary("An author's papers")
            .WithDescription("The papers with this author, newest first.")
            .WithQuery(FeedParameters.Documented)
            .ProducesFeed().ProducesProblems(503);
        return feeds;
    }

    private static async Task<IResult> SearchAsync(string format, [AsParameters] FeedServices feed, PaperSearch search)
    {
        if (FeedsApi.ParseFormat(format, out var feedFormat) is { } unknown)
        {
            return unknown;
        }

        var (parameters, error) = FeedParameters.Read(feed.Query);
        if (parameters is null)
        {
            return DailyPapersApi.Error(error!);
        }

        var searchParameters = SearchParameters.Read(feed.Query, FeedParameters.MaxLimit);
        if (searchParameters.Errors.Count > 0)
        {
            return DailyPapersApi.Error(searchParameters.Errors[0]);
        }

        if (searchParameters.Text.Length > SearchQuery.MaxLength)
        {
            return DailyPapersApi.Error($"q must be at most {N0(SearchQuery.MaxLength)} characters; this one has {N0(searchParameters.Text.Length)}.");
        }

        var query = SearchQuery.Parse(searchParameters.Text);
        if (query.IsEmpty && !searchParameters.HasFilters && parameters.MinVotes == 0)
        {
            return DailyPapersApi.Error("q is required (or a filter: cat, from, to, code, min_votes): a feed of every paper is /feeds/daily.");
        }

        var sort = feed.Query.ContainsKey("sort") ? searchParameters.Sort : SearchSort.Newest;
        var filters = searchParameters.ToFilters() with { MinVotes = parameters.MinVotes > 0 ? parameters.MinVotes : null };
        var title = searchParameters.HasQuery ? $"Search: {PaperText.Snippet(PaperText.SingleLine(searchParameters.Text), 80)}" : "Search";
        var description = $"Papers on DailyPapers matching {(searchParameters.HasQuery ? $"\"{PaperText.SingleLine(searchParameters.Text)}\"" : "the filters")}{FeedsApi.Conditions(parameters)}, {SearchParameters.SortKey(sort)} first.";
        var page = searchParameters.Href(sort: sort);
        return await FoundAsync(feed, search, feedFormat, query, filters, sort, parameters.Limit, title, description, page);
    }

    private static async Task<IResult> AuthorAsync(string author, string format, [AsParameters] FeedServices feed, PaperSearch search)
    {
        if (FeedsApi.ParseFormat(format, out var feedFormat) is { } unknown)
        {
            return unknown;
        }

        // Routing leaves an encoded slash encoded.
        var name = PaperText.SingleLine(author.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(author) : author).Replace("\"", "", StringComparison.Ordinal);
        if (name.Length == 0 || name.Length > MaxAuthorLength)
        {
            return DailyPapersApi.Error($"An author's name must have 1 to {MaxAuthorLength} characters.");
        }

        var (parameters, error) = FeedParameters.Read(feed.Query);
        if (parameters is null)
        {
            return DailyPapersApi.Error(error!);
        }

        var text = $"au:\"{name}\"";
        var filters = new SearchFilters { Categories = parameters.Categories, HasCode = parameters.HasCode, MinVotes = parameters.MinVotes > 0 ? parameters.MinVotes : null };
        var page = "/search" + QueryString.Create(new KeyValuePair<string, string?>[] { new("q", text), new("sort", "newest") });
        return await FoundAsync(feed, search, feedFormat, SearchQuery.Parse(text), filters, SearchSort.Newest, parameters.Limit,
            $"Papers by {name}", $"Papers on DailyPapers by {name}{FeedsApi.Conditions(parameters)}, newest first.", page);
    }

    private static async Task<IResult> FoundAsync(
        FeedServices feed, PaperSearch search, FeedFormat format, ParsedQuery query, SearchFilters filters, SearchSort sort, int limit,
        string title, string description, string page)
    {
        var found = search.Search(new PaperSearchRequest(query, filters, sort, 0, limit));
        if (found.Notice == PaperSearch.BusyNotice)
        {
            feed.Http.Response.Headers.RetryAfter = "5";
            return ApiProblem.Result(StatusCodes.Status503ServiceUnavailable, found.Notice);
        }

        var papers = await feed.Reader.FindManyAsync(found.Ids, feed.Cancellation);
        return await feed.AnswerAsync(format, title, description, page, papers);
    }

    private static string N0(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
