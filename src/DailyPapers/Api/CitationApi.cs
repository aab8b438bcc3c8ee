using DailyPapers.Core.Citations;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Web;

namespace DailyPapers.Api;

/// <summary>
/// <c>GET /papers/{id}.bib</c> and <c>GET /papers/{id}.ris</c>: a paper's citation, BibTeX as arXiv exports it and
/// RIS for Zotero, EndNote and Mendeley. Old-style ids (<c>hep-th/9901001</c>) have routes of their own, as for
/// <see cref="PaperMarkdownApi"/>.
/// </summary>
public static class CitationApi
{
    /// <summary>Errors are plain text: a reference manager that imports the citation types must not import "not found".</summary>
    private const string ErrorContentType = "text/plain; charset=utf-8";

    public static IEndpointRouteBuilder MapCitations(this IEndpointRouteBuilder app)
    {
        Map(app, PaperBibTex.FileExtension, PaperBibTex.ContentType, PaperBibTex.Write);
        Map(app, PaperRis.FileExtension, PaperRis.ContentType, PaperRis.Write);
        return app;
    }

    private static void Map(IEndpointRouteBuilder app, string extension, string contentType, Func<ListedPaper, string> write)
    {
        var (name, summary) = extension == PaperBibTex.FileExtension
            ? ("getPaperBibTex", "A paper's citation as BibTeX, as arXiv's \"Export BibTeX citation\" writes it")
            : ("getPaperRis", "A paper's citation as RIS, for Zotero, EndNote and Mendeley");
        app.MapGet($"/papers/{{id}}{extension}", (string id, HttpResponse response, PaperReader reader, CancellationToken cancellationToken) =>
            CitationAsync(id, extension, contentType, write, response, reader, cancellationToken))
            .CacheOutput(StoreVersionedCachePolicy.Name).RequireCors(DailyPapersApi.ReadFromAnyOrigin)
            .WithName(name).WithSummary(summary).WithTags(OpenApiDocs.PaperFilesTag)
            .ProducesText(contentType, 200).ProducesText(ErrorContentType, 400, 404);
        app.MapGet($"/papers/{{archive}}/{{number}}{extension}", (string archive, string number, HttpResponse response, PaperReader reader, CancellationToken cancellationToken) =>
            CitationAsync($"{archive}/{number}", extension, contentType, write, response, reader, cancellationToken))
            .CacheOutput(StoreVersionedCachePolicy.Name).RequireCors(DailyPapersApi.ReadFromAnyOrigin)
            .WithName(name + "OldStyle").WithSummary(summary).WithTags(OpenApiDocs.PaperFilesTag)
            .ProducesText(contentType, 200).ProducesText(ErrorContentType, 400, 404);
    }

    private static async Task<IResult> CitationAsync(
        string id, string extension, string contentType, Func<ListedPaper, string> write, HttpResponse response, PaperReader reader, CancellationToken cancellationToken)
    {
        if (!ArxivId.TryParse(id, out var arxivId))
        {
            return ArxivId.HasIdShape(id)
                ? Results.Text($"Paper {id} not found\n", ErrorContentType, statusCode: StatusCodes.Status404NotFound)
                : Results.Text($"\"{PaperText.SingleLine(id)}\" is not {ArxivId.ExpectedFormat}.\n", ErrorContentType, statusCode: StatusCodes.Status400BadRequest);
        }

        // Hidden papers are not found, as on the paper's .md and the JSON API.
        if (await reader.FindAsync(arxivId, cancellationToken) is not { } paper)
        {
            return Results.Text($"Paper {arxivId} not found\n", ErrorContentType, statusCode: StatusCodes.Status404NotFound);
        }

        // Inline: a browser shows or hands it to the reference manager; saved, it is named after the paper
        // (an old-style id's slash becomes a hyphen: hep-th-9901001.bib).
        response.Headers.ContentDisposition = $"inline; filename=\"{arxivId.Value.Replace('/', '-')}{extension}\"";
        return Results.Text(write(paper), contentType);
    }
}
