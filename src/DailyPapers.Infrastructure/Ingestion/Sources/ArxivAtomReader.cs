using System.Xml.Linq;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Reads arXiv API responses (<c>export.arxiv.org/api/query</c>): an Atom feed of papers, in the 2019 layout
/// (namespaces declared on each element) and the 2025 one (declared on the root, elements reordered). Papers
/// carry no listing: a search result says nothing about when arXiv announced the paper.
/// </summary>
public static class ArxivAtomReader
{
    private const string Expected = "an arXiv API Atom feed (root <feed>)";

    public static IEnumerable<SourceItem> Read(Stream stream, string fileName, CancellationToken ct) =>
        ReadFeed(stream, fileName, ct).Items;

    /// <exception cref="SourceFormatException">The file is not well-formed XML or not an Atom feed.</exception>
    public static ArxivAtomFeed ReadFeed(Stream stream, string fileName, CancellationToken ct)
    {
        var feed = XmlSource.LoadRoot(stream, fileName, Expected, ct, "feed");
        var items = new List<SourceItem>();
        var number = 0;
        foreach (var entry in feed.Children("entry"))
        {
            ct.ThrowIfCancellationRequested();
            items.Add(ReadEntry(entry, fileName, ++number));
        }

        return new ArxivAtomFeed
        {
            Items = items,
            TotalResults = feed.ChildInt("totalResults"),
            StartIndex = feed.ChildInt("startIndex"),
            ItemsPerPage = feed.ChildInt("itemsPerPage"),
        };
    }

    private static SourceItem ReadEntry(XElement entry, string fileName, int number)
    {
        var id = entry.ChildText("id")?.Trim();
        // The API answers a bad query with a feed holding one entry that describes the error.
        if (id is not null && id.Contains("arxiv.org/api/errors", StringComparison.OrdinalIgnoreCase))
        {
            var message = entry.ChildText("summary")?.Trim() ?? id;
            return new RejectedItem(SourceLocation.Record(fileName, number), $"the arXiv API answered with an error: {message}");
        }

        var builder = new PaperRecordBuilder
        {
            Id = id,
            Title = entry.ChildText("title"),
            Abstract = entry.ChildText("summary"),
            Categories = Categories(entry),
            SubmittedAt = SourceDates.Parse(entry.ChildText("published")),
            UpdatedAt = SourceDates.Parse(entry.ChildText("updated")),
            Comments = entry.ChildText("comment"),
            JournalRef = entry.ChildText("journal_ref"),
            Doi = entry.ChildText("doi"),
        };
        builder.Authors.AddRange(entry.Children("author").Select(a => a.ChildText("name")).OfType<string>());
        return builder.TryBuild(out var paper, out var error)
            ? new PaperItem(SourceLocation.Record(fileName, number, paper!.Id.Value), paper)
            : new RejectedItem(SourceLocation.Record(fileName, number, id), error!);
    }

    // Primary first (arXiv's own order); category terms also carry ACM and MSC classes, which are left out.
    private static string Categories(XElement entry)
    {
        var primary = entry.Child("primary_category")?.AttributeText("term");
        var terms = entry.Children("category").Select(c => c.AttributeText("term"));
        return string.Join(' ', terms.Prepend(primary).Where(ArxivCategoryCodes.IsCode));
    }
}
