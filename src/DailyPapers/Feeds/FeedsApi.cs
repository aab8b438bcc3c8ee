using DailyPapers.Api;
using DailyPapers.Core.Feeds;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Core.Ranking;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;

namespace DailyPapers.Feeds;

/// <summary>
/// Feeds for every list, each in RSS 2.0, Atom 1.0 and JSON Feed 1.1 by its extension: the daily list of the recent
/// listing days, trending, a category, a search and an author (<see cref="SearchFeeds"/>), a subscriber's alert
/// (<see cref="AlertFeeds"/>). Output-cached under the store's counter; CORS open for reading, as the API is.
/// </summary>
public static class FeedsApi
{
    /// <summary>How many listing days back from the latest one the daily and category feeds reach.</summary>
    public const int RecentDays = 7;

    public static IServiceCollection AddFeeds(this IServiceCollection services) => services.AddSingleton<ContentClock>();

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app)
    {
        var feeds = app.MapGroup("/feeds").RequireCors(DailyPapersApi.ReadFromAnyOrigin).CacheOutput(StoreVersionedCachePolicy.Name)
            .WithTags(OpenApiDocs.FeedsTag);
        string[] methods = ["GET", "HEAD"];
        feeds.MapMethods("/daily.{format}", methods, DailyAsync)
            .WithName("getDailyFeed").WithSummary("The daily list")
            .WithDescription($"The papers listed in the {RecentDays} listing days up to the latest, latest day first, most voted first within a day.")
            .WithQuery([.. FeedParameters.Documented, QueryParameterDoc.OneOf("source", "Only the papers one source listed; all by default.", "all", "arxiv", "hf", "curated")])
            .ProducesFeed();
        feeds.MapMethods("/trending.{format}", methods, TrendingAsync)
            .WithName("getTrendingFeed").WithSummary("Trending papers")
            .WithDescription("Votes decayed with time, as /papers/trending ranks them.")
            .WithQuery([.. FeedParameters.Documented, QueryParameterDoc.OneOf("window", "The last day, week (the default) or month.", "day", "week", "month")])
            .ProducesFeed();
        feeds.MapMethods("/categories/{category}.{format}", methods, CategoryAsync)
            .WithName("getCategoryFeed").WithSummary("A category's papers")
            .WithDescription($"The papers in an arXiv category or archive listed in the {RecentDays} listing days up to its latest.")
            .WithQuery(FeedParameters.Documented)
            .ProducesFeed();
        feeds.MapSearchFeeds(methods);
        feeds.MapAlertFeeds(methods);
        return app;
    }

    /// <summary>The format an address's extension names, or the 404 that lists the ones there are.</summary>
    internal static IResult? ParseFormat(string extension, out FeedFormat format) =>
        FeedFormats.TryParse(extension, out format)
            ? null
            : DailyPapersApi.NotFound($"No feed format \".{PaperText.Snippet(PaperText.SingleLine(extension), 20)}\": use .rss, .atom or .json.");

    private static async Task<IResult> DailyAsync(string format, [AsParameters] FeedServices feed)
    {
        if (ParseFormat(format, out var feedFormat) is { } unknown)
        {
            return unknown;
        }

        var (parameters, error) = FeedParameters.Read(feed.Query);
        if (parameters is null)
        {
            return DailyPapersApi.Error(error!);
        }

        var sourceText = feed.Query["source"].ToString();
        ListingSource? source = null;
        if (sourceText.Length > 0 && !string.Equals(sourceText, "all", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse<ListingSource>(sourceText, ignoreCase: true, out var named) || !Enum.IsDefined(named) || int.TryParse(sourceText, out _))
            {
                return DailyPapersApi.Error("source must be all, arxiv, hf or curated.");
            }

            source = named;
        }

        var (title, page) = source switch
        {
            ListingSource.Hf => ("Daily papers from Hugging Face", "/?source=hf"),
            ListingSource.Arxiv => ("Daily papers from arXiv", "/?source=arxiv"),
            ListingSource.Curated => ("Daily papers curated here", "/?source=curated"),
            _ => ("Daily papers", "/"),
        };
        return await RecentAsync(feed, feedFormat, parameters, source, title, page);
    }

    private static async Task<IResult> CategoryAsync(string category, string format, [AsParameters] FeedServices feed)
    {
        if (ParseFormat(format, out var feedFormat) is { } unknown)
        {
            return unknown;
        }

        if (new SearchFilters { Categories = [category] }.Validate() is not null)
        {
            return DailyPapersApi.NotFound($"\"{PaperText.Snippet(PaperText.SingleLine(category), 40)}\" is not an arXiv category, such as cs.CL or cs.*.");
        }

        var (parameters, error) = FeedParameters.Read(feed.Query);
        return parameters is null
            ? DailyPapersApi.Error(error!)
            : await RecentAsync(feed, feedFormat, parameters.WithCategory(category), null, $"Papers in {category}", $"/search?cat={Uri.EscapeDataString(category)}&sort=newest");
    }

    /// <summary>The papers listed in the <see cref="RecentDays"/> days up to the latest listing day, latest day first, most voted first within a day.</summary>
    private static async Task<IResult> RecentAsync(
        FeedServices feed, FeedFormat format, FeedParameters parameters, ListingSource? source, string title, string page)
    {
        var description = $"{title} on DailyPapers: the {RecentDays} days up to its latest listing, latest day first, most voted first within a day{Conditions(parameters)}.";
        var filter = new ListingFilter
        {
            Source = source,
            MinVotes = parameters.MinVotes,
            Categories = parameters.Categories,
            HasCode = parameters.HasCode,
            Order = ListingOrder.DayThenVotes,
        };

        // Counted back from the latest day with a paper this feed could list: arXiv may have announced today and
        // Hugging Face not yet, and a category may have had no paper for days.
        if (await feed.Reader.LatestListingDayAsync(filter, feed.Cancellation) is not { } latest)
        {
            return await feed.AnswerAsync(format, title, description, page, []);
        }

        var period = new ListingPeriod(ListingPeriodKind.Week, latest.AddDays(1 - RecentDays), latest);
        var view = await feed.Reader.ListAsync(period, filter, 0, parameters.Limit, withNeighbours: false, feed.Cancellation);
        return await feed.AnswerAsync(format, title, description, page, view.Page.Papers);
    }

    private static async Task<IResult> TrendingAsync(string format, [AsParameters] FeedServices feed, TrendingReader trending)
    {
        if (ParseFormat(format, out var feedFormat) is { } unknown)
        {
            return unknown;
        }

        var (parameters, error) = FeedParameters.Read(feed.Query);
        if (parameters is null)
        {
            return DailyPapersApi.Error(error!);
        }

        var window = TrendingWindow.Week;
        var windowText = feed.Query["window"].ToString();
        if (windowText.Length > 0 && !Trending.TryParse(windowText, out window))
        {
            return DailyPapersApi.Error("window must be day, week or month.");
        }

        var view = await trending.ReadAsync(window, feed.Cancellation);
        var filter = new ListingFilter { MinVotes = parameters.MinVotes, Categories = parameters.Categories, HasCode = parameters.HasCode };
        var papers = view.Papers.Select(t => t.Paper).Where(filter.Matches).Take(parameters.Limit);
        var title = $"Trending this {Trending.Key(window)}";
        return await feed.AnswerAsync(
            feedFormat, title, $"{title} on DailyPapers: votes decayed with time{Conditions(parameters)}.", $"/papers/trending?window={Trending.Key(window)}", papers);
    }

    /// <summary>The filters in words, for a feed's description: ", in cs.CL, with code, with at least 10 votes".</summary>
    internal static string Conditions(FeedParameters parameters) =>
        (parameters.Categories.Count > 0 ? $", in {string.Join(" or ", parameters.Categories)}" : "")
        + (parameters.HasCode ? ", with code" : "")
        + (parameters.MinVotes > 0 ? $", with at least {parameters.MinVotes} votes" : "");
}
