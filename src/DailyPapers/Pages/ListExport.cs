using System.Text;
using DailyPapers.Core.Citations;
using DailyPapers.Core.Listings;
using Microsoft.AspNetCore.Mvc;

namespace DailyPapers.Pages;

/// <summary>
/// A whole list (a day, week or month, or a search's results) as a file for a reference manager or a spreadsheet:
/// <c>?format=bib</c>, <c>ris</c> or <c>csv</c> on the page's own address.
/// </summary>
public static class ListExport
{
    /// <summary>The most papers a period's file holds (a month of every cs listing is about 5,000).</summary>
    public const int MaxPapers = 10_000;

    /// <summary>The most results a search's file holds: the best 1,000, in the search's order.</summary>
    public const int MaxSearchResults = 1_000;

    public static IReadOnlyList<(string Key, string Label)> Formats { get; } = [("bib", "BibTeX"), ("ris", "RIS"), ("csv", "CSV")];

    /// <summary>Whether the request asks for a file, and which; the error message when it names an unknown format.</summary>
    public static (string? Format, string? Error) Read(IQueryCollection query)
    {
        var text = query["format"].ToString().Trim().ToLowerInvariant();
        if (text.Length == 0)
        {
            return (null, null);
        }

        return Formats.Any(f => f.Key == text)
            ? (text, null)
            : (null, $"\"{(text.Length > 20 ? text[..20] + "…" : text)}\" is not an export format: use bib, ris or csv.");
    }

    /// <summary>The papers as a download named <paramref name="name"/> plus the format's extension.</summary>
    public static FileContentResult File(IEnumerable<ListedPaper> papers, string format, string name)
    {
        var (text, contentType, extension) = format switch
        {
            "bib" => (PaperBibTex.WriteAll(papers), PaperBibTex.ContentType, PaperBibTex.FileExtension),
            "ris" => (PaperRis.WriteAll(papers), PaperRis.ContentType, PaperRis.FileExtension),
            _ => (PaperCsv.WriteAll(papers), PaperCsv.ContentType, PaperCsv.FileExtension),
        };
        return new FileContentResult(Encoding.UTF8.GetBytes(text), contentType) { FileDownloadName = name + extension };
    }

    /// <summary>A page's address (path and query) with <c>format=</c> added and its page number dropped.</summary>
    public static string Href(string pathAndQuery, string format)
    {
        var at = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = at < 0 ? pathAndQuery : pathAndQuery[..at];
        var pairs = at < 0
            ? []
            : Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(pathAndQuery[at..])
                .Where(p => p.Key is not ("page" or "p" or "format"))
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .ToList();
        pairs.Add(new("format", format));
        return path + QueryString.Create(pairs);
    }
}
