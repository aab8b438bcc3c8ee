using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Pages.Papers;
using DailyPapers.Web;

namespace DailyPapers.Api;

/// <summary>
/// <c>GET /papers/{id}.md</c>: the paper page as Markdown, as Hugging Face serves it to its client's
/// <c>read_paper</c>. Old-style ids (<c>hep-th/9901001</c>) have a route of their own: their slash is a segment.
/// </summary>
public static class PaperMarkdownApi
{
    public const string ContentType = "text/markdown; charset=utf-8";

    public static IEndpointRouteBuilder MapPaperMarkdown(this IEndpointRouteBuilder app)
    {
        app.MapGet("/papers/{id}.md", (string id, PaperReader reader, PaperSearch search, CancellationToken cancellationToken) =>
            MarkdownAsync(id, reader, search, cancellationToken)).CacheOutput(StoreVersionedCachePolicy.Name).RequireCors(DailyPapersApi.ReadFromAnyOrigin)
            .WithName("getPaperMarkdown").Describe();
        app.MapGet("/papers/{archive}/{number}.md", (string archive, string number, PaperReader reader, PaperSearch search, CancellationToken cancellationToken) =>
            MarkdownAsync($"{archive}/{number}", reader, search, cancellationToken)).CacheOutput(StoreVersionedCachePolicy.Name).RequireCors(DailyPapersApi.ReadFromAnyOrigin)
            .WithName("getPaperMarkdownOldStyle").Describe();
        return app;
    }

    private static RouteHandlerBuilder Describe(this RouteHandlerBuilder builder) =>
        builder.WithTags(OpenApiDocs.PaperFilesTag)
            .WithSummary("A paper as Markdown")
            .WithDescription("The paper page as Markdown, as Hugging Face serves it to its client's read_paper: abstract with its TeX, " +
                "AI summary, keywords, similar papers.")
            .ProducesText(ContentType, 200, 400, 404);

    private static async Task<IResult> MarkdownAsync(string id, PaperReader reader, PaperSearch search, CancellationToken cancellationToken)
    {
        if (!ArxivId.TryParse(id, out var arxivId))
        {
            return ArxivId.HasIdShape(id)
                ? Results.Text($"Paper {id} not found\n", ContentType, statusCode: StatusCodes.Status404NotFound)
                : Results.Text($"\"{PaperText.SingleLine(id)}\" is not {ArxivId.ExpectedFormat}.\n", ContentType, statusCode: StatusCodes.Status400BadRequest);
        }

        if (await reader.FindAsync(arxivId, cancellationToken) is not { } paper)
        {
            return Results.Text($"Paper {arxivId} not found\n", ContentType, statusCode: StatusCodes.Status404NotFound);
        }

        var similar = await reader.FindManyAsync(search.Similar(paper.Id, paper.Title, PaperModel.SimilarCount), cancellationToken);
        return Results.Text(PaperMarkdown.Write(paper, similar), ContentType);
    }
}
