using System.Globalization;
using System.Text;
using System.Xml;

namespace DailyPapers.Core.Feeds;

/// <summary>What the RSS and Atom writers share: the writer's settings and the two date formats.</summary>
internal static class FeedXml
{
    public static XmlWriter Create(Stream output) => XmlWriter.Create(output, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
    });

    /// <summary>RFC 3339, in UTC, as Atom requires.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 822 (with a four-digit year, as RSS 2.0 asks), in GMT.</summary>
    public static string Rfc822(DateTimeOffset time) => time.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    public static void Element(XmlWriter xml, string name, string? ns, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, ns, FeedText.Clean(value));
        }
    }
}
