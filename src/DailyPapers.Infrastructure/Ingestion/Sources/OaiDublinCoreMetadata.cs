using System.Xml.Linq;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Simple Dublin Core (<c>oai_dc</c>), the format every OAI-PMH server must offer: the least detailed of arXiv's,
/// with subjects as names ("Computer Science - Learning") and authors as "Last, First".
/// </summary>
internal static class OaiDublinCoreMetadata
{
    private const string CommentPrefix = "Comment:";

    public static PaperRecordBuilder Read(XElement dc)
    {
        var descriptions = dc.Children("description").Select(XmlText.Text).OfType<string>().ToList();
        var comment = descriptions.FirstOrDefault(IsComment);
        var dates = dc.Children("date").Select(d => SourceDates.Parse(d.Value)).OfType<DateTimeOffset>().ToList();
        var builder = new PaperRecordBuilder
        {
            // Identifiers also hold DOIs and other links; the abs URL is the one that parses as an arXiv id.
            Id = dc.Children("identifier").Select(i => i.Value.Trim()).FirstOrDefault(i => ArxivId.TryParse(i, out _)),
            Title = dc.ChildText("title"),
            // arXiv appends the author comments as a second description starting "Comment:".
            Abstract = descriptions.FirstOrDefault(d => !IsComment(d)),
            Comments = comment?.Trim()[CommentPrefix.Length..],
            Categories = string.Join(' ', dc.Children("subject").Select(s => ArxivSubjectNames.ToCode(s.Value)).OfType<string>()),
            // The first date is v1's, the last that of the latest version.
            SubmittedAt = dates.Count > 0 ? dates[0] : null,
            UpdatedAt = dates.Count > 1 ? dates[^1] : null,
        };
        builder.Authors.AddRange(dc.Children("creator").Select(c => AuthorNames.FromLastFirst(c.Value)));
        return builder;
    }

    private static bool IsComment(string description) =>
        description.TrimStart().StartsWith(CommentPrefix, StringComparison.Ordinal);
}
