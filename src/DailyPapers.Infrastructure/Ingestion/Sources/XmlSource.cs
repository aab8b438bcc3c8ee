using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Loads one XML response (an OAI-PMH page, an Atom or RSS feed) safely, turning every way it can be unusable into
/// a <see cref="SourceFormatException"/> that names the file.
/// </summary>
internal static partial class XmlSource
{
    // No DTDs at all, so no entity expansion (billion laughs) and no external entities (XXE).
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
        MaxCharactersInDocument = 512L << 20,
    };

    /// <summary>The root element, when its local name is one of <paramref name="rootNames"/>.</summary>
    /// <param name="expected">What the caller wanted, for the message: "an OAI-PMH response (root &lt;OAI-PMH&gt;)".</param>
    public static XElement LoadRoot(Stream stream, string fileName, string expected, CancellationToken ct, params string[] rootNames)
    {
        // Responses are at most a few MB; holding one lets us tell an HTML error page from broken XML.
        var bytes = ReadAll(stream, fileName);
        ct.ThrowIfCancellationRequested();
        if (bytes.Length == 0)
        {
            throw new SourceFormatException($"{fileName}: the file is empty; expected {expected}");
        }

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), Settings);
            reader.MoveToContent();
            if (!rootNames.Contains(reader.LocalName, StringComparer.Ordinal))
            {
                throw new SourceFormatException($"{fileName}: expected {expected}, found <{reader.Name}>");
            }

            return XElement.Load(reader);
        }
        catch (XmlException ex)
        {
            var start = Start(bytes);
            if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
            {
                throw new SourceFormatException($"{fileName}: expected {expected}, found <html> (an HTML page)", ex);
            }

            // The reader's own message here tells a developer to enable DTD processing, which is the wrong advice.
            if (start.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) && ex.LineNumber == 0)
            {
                throw new SourceFormatException($"{fileName}: the document declares a DTD (<!DOCTYPE …>), which is refused for safety; expected {expected}", ex);
            }

            var message = PositionSuffix().Replace(ex.Message, "");
            throw new SourceFormatException(
                $"{fileName}: not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {message}", ex);
        }
    }

    private static byte[] ReadAll(Stream stream, string fileName)
    {
        using var buffer = new MemoryStream();
        try
        {
            stream.CopyTo(buffer);
        }
        catch (Exception ex) when (SourceFile.IsTruncation(ex))
        {
            // A page is read whole or not at all: half a page would lose its resumption token and end a harvest.
            throw new SourceFormatException($"{fileName}: the file ends early (truncated gzip?): {ex.Message}", ex);
        }

        return buffer.ToArray();
    }

    // The document's opening, past any BOM, XML declaration and whitespace: enough to recognise an HTML page (a
    // proxy's error page, a login wall) or a DTD, both of which the prohibited DTD rejects before the root element.
    private static string Start(byte[] bytes)
    {
        var start = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith("<?xml", StringComparison.Ordinal) && start.IndexOf("?>", StringComparison.Ordinal) is var end and > 0)
        {
            start = start[(end + 2)..].TrimStart();
        }

        return start;
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.$", RegexOptions.CultureInvariant)]
    private static partial Regex PositionSuffix();
}
