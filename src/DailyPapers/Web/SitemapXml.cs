using System.Globalization;
using System.Text;
using System.Xml;

namespace DailyPapers.Web;

/// <summary>
/// Writes the documents of the sitemaps.org protocol 0.9 as they stream: a sitemap index and a URL set. XmlWriter
/// escapes what XML needs (<c>&amp;</c> as <c>&amp;amp;</c>) and writes to the response as its buffer fills.
/// </summary>
public static class SitemapXml
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public const string ContentType = "application/xml; charset=utf-8";

    /// <summary>The protocol's longest <c>&lt;loc&gt;</c>.</summary>
    public const int MaxLocationLength = 2048;

    private static readonly XmlWriterSettings Settings = new()
    {
        Async = true,
        // UTF-8 as the protocol requires, without a byte-order mark, which some readers of a sitemap choke on.
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    public static async Task WriteIndexAsync(Stream output, IEnumerable<string> sitemaps, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, Settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "sitemapindex", Namespace);
        foreach (var sitemap in sitemaps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await xml.WriteStartElementAsync(null, "sitemap", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, sitemap);
            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    public static async Task WriteUrlSetAsync(
        Stream output, IAsyncEnumerable<(string Location, DateTime? LastModified)> urls, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(output, Settings);
        await xml.WriteStartDocumentAsync();
        await xml.WriteStartElementAsync(null, "urlset", Namespace);
        await foreach (var (location, lastModified) in urls.WithCancellation(cancellationToken))
        {
            await xml.WriteStartElementAsync(null, "url", Namespace);
            await xml.WriteElementStringAsync(null, "loc", Namespace, location);
            if (lastModified is { } modified)
            {
                await xml.WriteElementStringAsync(null, "lastmod", Namespace, W3cDateTime(modified));
            }

            await xml.WriteEndElementAsync();
        }

        await xml.WriteEndElementAsync();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    /// <summary>A UTC time in the W3C Datetime form the protocol asks for: <c>2025-06-10T17:59:53Z</c>.</summary>
    public static string W3cDateTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
