using System.Xml.Linq;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>One OAI-PMH <c>&lt;record&gt;</c>: a deletion, or a paper in one of the metadata formats arXiv serves.</summary>
internal static class OaiPmhRecordParser
{
    public static SourceItem Parse(XElement record, string fileName, int number)
    {
        var header = record.Child("header");
        var identifier = header?.ChildText("identifier")?.Trim();
        if (header?.AttributeText("status") == "deleted")
        {
            return ArxivId.TryParse(identifier, out var deleted)
                ? new DeletionItem(SourceLocation.Record(fileName, number, deleted.Value), deleted)
                : new RejectedItem(SourceLocation.Record(fileName, number, identifier), DescribeBadIdentifier(identifier));
        }

        var metadata = record.Child("metadata")?.Elements().FirstOrDefault();
        var builder = metadata?.Name.LocalName switch
        {
            "arXiv" => OaiArxivMetadata.Read(metadata),
            "arXivRaw" => OaiArxivMetadata.ReadRaw(metadata),
            "dc" => OaiDublinCoreMetadata.Read(metadata),
            _ => null,
        };
        if (builder is null)
        {
            var reason = metadata is null
                ? "the record has no metadata"
                : $"unsupported metadata format <{metadata.Name.LocalName}>: expected arXiv, arXivRaw or oai_dc";
            return new RejectedItem(SourceLocation.Record(fileName, number, identifier), reason);
        }

        // The header names the record even when the metadata forgot to.
        builder.Id ??= identifier;
        return builder.TryBuild(out var paper, out var error)
            ? new PaperItem(SourceLocation.Record(fileName, number, paper!.Id.Value), paper)
            : new RejectedItem(SourceLocation.Record(fileName, number, builder.Id), error!);
    }

    private static string DescribeBadIdentifier(string? identifier) => string.IsNullOrWhiteSpace(identifier)
        ? "a deleted record without an identifier"
        : $"a deleted record with an invalid identifier \"{identifier}\": expected oai:arXiv.org:<{ArxivId.ExpectedFormat}>";
}
