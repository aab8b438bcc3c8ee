using System.Xml.Linq;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// arXiv's own OAI-PMH formats: <c>arXiv</c> (the latest version, authors split into keyname/forenames) and
/// <c>arXivRaw</c> (close to arXiv's internal record: one author string and the history of every version).
/// </summary>
internal static class OaiArxivMetadata
{
    public static PaperRecordBuilder Read(XElement arxiv)
    {
        var builder = Common(arxiv);
        // <created> is the day of v1 and <updated> that of the latest version; the format does not number versions.
        builder.SubmittedAt = SourceDates.Parse(arxiv.ChildText("created"));
        builder.UpdatedAt = SourceDates.Parse(arxiv.ChildText("updated"));
        foreach (var author in arxiv.Child("authors")?.Children("author") ?? [])
        {
            builder.Authors.Add(AuthorNames.Join(author.ChildText("forenames"), author.ChildText("keyname"), author.ChildText("suffix")));
        }

        return builder;
    }

    public static PaperRecordBuilder ReadRaw(XElement raw)
    {
        var builder = Common(raw);
        builder.Authors.AddRange(AuthorNames.SplitList(raw.ChildText("authors")));
        var versions = raw.Children("version").ToList();
        if (versions.Count > 0)
        {
            builder.SubmittedAt = SourceDates.Parse(versions[0].ChildText("date"));
            builder.UpdatedAt = SourceDates.Parse(versions[^1].ChildText("date"));
            builder.Version = VersionNumber(versions[^1].AttributeText("version")) ?? versions.Count;
        }

        return builder;
    }

    private static PaperRecordBuilder Common(XElement metadata) => new()
    {
        Id = metadata.ChildText("id")?.Trim(),
        Title = metadata.ChildText("title"),
        Abstract = metadata.ChildText("abstract"),
        Categories = ArxivCategoryCodes.KeepCodes(metadata.ChildText("categories")),
        Comments = metadata.ChildText("comments"),
        JournalRef = metadata.ChildText("journal-ref"),
        Doi = metadata.ChildText("doi"),
        License = metadata.ChildText("license"),
    };

    private static int? VersionNumber(string? label) =>
        label?.Trim() is ['v' or 'V', .. var digits] && int.TryParse(digits, out var number) && number > 0 ? number : null;
}
