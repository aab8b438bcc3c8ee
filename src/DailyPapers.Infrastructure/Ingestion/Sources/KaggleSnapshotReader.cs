using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Reads the Kaggle <c>arxiv-metadata-oai-snapshot.json</c> layout: one JSON object per line. Built for bulk files
/// (millions of lines): bytes are split on '\n' in place and each line is parsed with <c>Utf8JsonReader</c>.
/// </summary>
public static class KaggleSnapshotReader
{
    /// <summary>One item per non-blank line; a bad line is a <see cref="RejectedItem"/> and reading goes on.</summary>
    public static IEnumerable<SourceItem> Read(Stream stream, string fileName, CancellationToken ct)
    {
        using var lines = new Utf8LineReader(stream);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ReadOnlyMemory<byte> line;
            bool tooLong;
            string? endsEarly = null;
            try
            {
                if (!lines.TryReadLine(out line, out tooLong))
                {
                    yield break;
                }
            }
            catch (Exception ex) when (SourceFile.IsTruncation(ex))
            {
                // The partial line before the cut is not a record; say where the readable part ended.
                endsEarly = SourceLocation.EndsEarly($"line {lines.LineNumber}");
                line = default;
                tooLong = false;
            }

            if (endsEarly is not null)
            {
                yield return new RejectedItem(SourceLocation.Line(fileName, lines.LineNumber + 1), endsEarly);
                yield break;
            }

            var location = SourceLocation.Line(fileName, lines.LineNumber);
            if (tooLong)
            {
                yield return new RejectedItem(location, $"the line is longer than {Utf8LineReader.MaxLineBytes >> 20} MB");
                continue;
            }

            if (line.Span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            yield return KaggleLineParser.Parse(line.Span, location);
        }
    }
}
