using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Reads the Kaggle <c>arxiv-metadata-oai-snapshot.json</c> layout: one JSON object per line. Built for bulk files
/// (millions of lines): bytes are split on '\n' in place and each line is parsed with <c>Utf8JsonReader</c>.
/// </summary>
/// <remarks>
/// A bad record (malformed JSON, a missing field) is rejected and reading goes on. A file that cannot be read on
/// (gzip data cut short or corrupt, a last line cut mid-way, bytes that are not text, a "line" of 64 MB) throws
/// <see cref="UnreadableSourceException"/> after the records before it: going on would skip an unknown part of the file.
/// </remarks>
public static class KaggleSnapshotReader
{
    /// <summary>One item per non-blank line; a bad line is a <see cref="RejectedItem"/> and reading goes on.</summary>
    public static IEnumerable<SourceItem> Read(Stream stream, string fileName, CancellationToken ct)
    {
        using var lines = new Utf8LineReader(stream);
        foreach (var item in Read(lines, fileName, ct))
        {
            yield return item;
        }
    }

    /// <summary>The items of the lines <paramref name="lines"/> has still to read; it is not disposed.</summary>
    internal static IEnumerable<SourceItem> Read(Utf8LineReader lines, string fileName, CancellationToken ct)
    {
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ReadOnlyMemory<byte> line;
            bool tooLong;
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
                var where = SourceLocation.Line(fileName, lines.LineNumber + 1);
                throw new UnreadableSourceException(
                    where,
                    ex is EndOfStreamException
                        ? SourceLocation.EndsEarly($"line {lines.LineNumber:N0}")
                        : $"the gzip data is corrupt ({ex.Message.TrimEnd('.')}): records after line {lines.LineNumber:N0} were not read",
                    ex);
            }

            var location = SourceLocation.Line(fileName, lines.LineNumber);
            if (tooLong)
            {
                throw new UnreadableSourceException(
                    location, $"the line is longer than {Utf8LineReader.MaxLineBytes >> 20} MB: not one JSON object per line, or corrupt");
            }

            // JSON text never holds a NUL byte: zeros are what an interrupted download or a failing disk leaves.
            // (Invalid UTF-8 alone is not corruption: old dumps have lines with broken encodings.)
            var span = line.Span;
            if (span.Contains((byte)0))
            {
                throw new UnreadableSourceException(location, "the line holds NUL bytes: the file is corrupt from here");
            }

            if (span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var item = KaggleLineParser.Parse(span, location);
            if (item is RejectedItem { Reason: var reason } && lines.Unterminated && reason.StartsWith(KaggleLineParser.MalformedJson, StringComparison.Ordinal))
            {
                throw new UnreadableSourceException(location, "the file ends in the middle of this line (cut short?)");
            }

            yield return item;
        }
    }
}
