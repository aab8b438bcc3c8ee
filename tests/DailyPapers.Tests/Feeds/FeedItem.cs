using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace DailyPapers.Tests.Feeds;

/// <summary>
/// A feed item as a reader's app sees it, whichever format carried it: RSS and Atom read by .NET's own
/// <see cref="SyndicationFeed"/> (which refuses malformed feeds), JSON Feed by its published field names.
/// </summary>
public sealed record FeedItem(
    string Id,
    string Title,
    string Link,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> Categories,
    int Votes,
    DateTimeOffset Published,
    string Content,
    IReadOnlyList<string> RelatedLinks)
{
    private const string DublinCore = "http://purl.org/dc/elements/1.1/";
    private const string Ours = "urn:dailypapers:feed:1";

    public static (string Title, IReadOnlyList<FeedItem> Items) Parse(string format, string body) => format switch
    {
        "json" => ParseJson(body),
        _ => ParseSyndication(format, body),
    };

    private static (string, IReadOnlyList<FeedItem>) ParseSyndication(string format, string body)
    {
        using var reader = XmlReader.Create(new StringReader(body));
        var feed = SyndicationFeed.Load(reader);
        var items = feed.Items.Select(item =>
        {
            var authors = format == "atom"
                ? item.Authors.Select(a => a.Name).ToList()
                : item.ElementExtensions.ReadElementExtensions<string>("creator", DublinCore).Single().Split(", ").ToList();
            var content = format == "atom" ? ((TextSyndicationContent)item.Content).Text : item.Summary.Text;
            return new FeedItem(
                item.Id,
                item.Title.Text,
                item.Links.First(l => l.RelationshipType is null or "alternate").Uri.AbsoluteUri,
                authors,
                [.. item.Categories.Select(c => c.Name)],
                item.ElementExtensions.ReadElementExtensions<int>("votes", Ours).Single(),
                item.PublishDate,
                content,
                [.. item.Links.Where(l => l.RelationshipType == "related").Select(l => l.Uri.AbsoluteUri)]);
        }).ToList();
        return (feed.Title.Text, items);
    }

    private static (string, IReadOnlyList<FeedItem>) ParseJson(string body)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        var items = root.GetProperty("items").EnumerateArray().Select(item => new FeedItem(
            item.GetProperty("id").GetString()!,
            item.GetProperty("title").GetString()!,
            item.GetProperty("url").GetString()!,
            [.. item.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)],
            [.. item.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)],
            item.GetProperty("_dailypapers").GetProperty("votes").GetInt32(),
            DateTimeOffset.ParseExact(item.GetProperty("date_published").GetString()!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            item.GetProperty("content_html").GetString()!,
            [item.GetProperty("external_url").GetString()!, .. item.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("url").GetString()!)])).ToList();
        return (root.GetProperty("title").GetString()!, items);
    }

    /// <summary>The whole document as XML, for the checks <see cref="SyndicationFeed"/> does not make.</summary>
    public static XDocument Xml(string body) => XDocument.Parse(body);
}
