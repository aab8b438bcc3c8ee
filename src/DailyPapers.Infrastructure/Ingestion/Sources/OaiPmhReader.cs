using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Reads arXiv's OAI-PMH responses (ListRecords and GetRecord) in the <c>arXiv</c>, <c>arXivRaw</c> and
/// <c>oai_dc</c> metadata formats, from the old server (export.arxiv.org/oai2) and the 2025 one
/// (oaipmh.arxiv.org/oai, whose resumption tokens have no cursor or list size). Records carry no listing:
/// a datestamp is when metadata changed, not when arXiv announced the paper.
/// </summary>
public static class OaiPmhReader
{
    private const string Expected = "an OAI-PMH response (root <OAI-PMH>)";

    /// <exception cref="SourceFormatException">The file is not well-formed XML or not an OAI-PMH response.</exception>
    public static OaiPmhPage ReadPage(Stream stream, string fileName, CancellationToken ct)
    {
        var root = XmlSource.LoadRoot(stream, fileName, Expected, ct, "OAI-PMH");
        var responseDate = SourceDates.Parse(root.ChildText("responseDate"));
        if (root.Child("error") is { } error)
        {
            return new OaiPmhPage
            {
                Items = [],
                ResponseDate = responseDate,
                ErrorCode = error.AttributeText("code") ?? "unknown",
                ErrorMessage = XmlText.Text(error)?.Trim(),
            };
        }

        var verb = root.Child("ListRecords") ?? root.Child("GetRecord");
        var items = new List<SourceItem>();
        var number = 0;
        foreach (var record in verb?.Children("record") ?? [])
        {
            ct.ThrowIfCancellationRequested();
            items.Add(OaiPmhRecordParser.Parse(record, fileName, ++number));
        }

        var token = verb?.Child("resumptionToken");
        return new OaiPmhPage
        {
            Items = items,
            ResponseDate = responseDate,
            // An empty token marks the last page of a list that had several.
            ResumptionToken = XmlText.Text(token)?.Trim(),
            Cursor = int.TryParse(token?.AttributeText("cursor"), out var cursor) ? cursor : null,
            CompleteListSize = int.TryParse(token?.AttributeText("completeListSize"), out var size) ? size : null,
        };
    }
}
