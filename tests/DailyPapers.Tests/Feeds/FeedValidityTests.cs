using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DailyPapers.Tests.Feeds;

/// <summary>
/// The rules of the formats that a parser lets pass: RFC 4287 for Atom (ids, titles, updated, authors, links),
/// RSS 2.0's required channel and item elements, and absolute addresses everywhere.
/// </summary>
public sealed partial class FeedValidityTests(FeedSite site) : IClassFixture<FeedSite>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static TheoryData<string> Kinds() =>
    [
        "/feeds/daily.{0}", "/feeds/daily.{0}?source=arxiv&limit=200", "/feeds/daily.{0}?source=curated", "/feeds/trending.{0}?window=month",
        "/feeds/search.{0}?q=diffusion", "/feeds/categories/cs.CL.{0}", "/feeds/authors/Tomas%20Pfister.{0}",
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_atom_feed_keeps_the_rules_of_RFC_4287(string kind)
    {
        var url = string.Format(CultureInfo.InvariantCulture, kind, "atom");
        var feed = XDocument.Parse(await site.App.Client.GetStringAsync(url)).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        // 4.1.1: exactly one id, title and updated; an author unless every entry has one (ours always names one).
        AssertAbsolute(Assert.Single(feed.Elements(Atom + "id")).Value);
        Assert.NotEmpty(Assert.Single(feed.Elements(Atom + "title")).Value);
        AssertDate(Assert.Single(feed.Elements(Atom + "updated")).Value);
        Assert.NotEmpty(Assert.Single(feed.Elements(Atom + "author")).Element(Atom + "name")!.Value);
        var self = Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.Equal(new Uri(site.App.BaseAddress, url).AbsoluteUri, (string)self.Attribute("href")!);
        AssertOneAlternatePerType(feed);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            // 4.1.2: exactly one id (an IRI, unique in the feed), title and updated; published at most once;
            // content, or else an alternate link; 3.2 authors with a name.
            var id = Assert.Single(entry.Elements(Atom + "id")).Value;
            AssertAbsolute(id);
            Assert.True(ids.Add(id), $"{id} is in the feed twice");
            Assert.NotEmpty(Assert.Single(entry.Elements(Atom + "title")).Value);
            var updated = AssertDate(Assert.Single(entry.Elements(Atom + "updated")).Value);
            var published = AssertDate(Assert.Single(entry.Elements(Atom + "published")).Value);
            Assert.True(published <= updated, $"{id} was published after it was updated");
            Assert.All(entry.Elements(Atom + "author"), a => Assert.NotEmpty(a.Element(Atom + "name")!.Value));
            Assert.NotEmpty(entry.Elements(Atom + "author"));
            Assert.Equal("html", (string?)Assert.Single(entry.Elements(Atom + "content")).Attribute("type"));
            AssertOneAlternatePerType(entry);
            Assert.All(entry.Elements(Atom + "link"), l => AssertAbsolute((string)l.Attribute("href")!));
            Assert.All(entry.Elements(Atom + "category"), c => Assert.NotEmpty((string)c.Attribute("term")!));
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_rss_feed_has_what_RSS_2_requires(string kind)
    {
        var rss = XDocument.Parse(await site.App.Client.GetStringAsync(string.Format(CultureInfo.InvariantCulture, kind, "rss"))).Root!;

        Assert.Equal("2.0", (string?)rss.Attribute("version"));
        var channel = Assert.Single(rss.Elements("channel"));
        Assert.NotEmpty(Assert.Single(channel.Elements("title")).Value);
        AssertAbsolute(Assert.Single(channel.Elements("link")).Value);
        Assert.NotEmpty(Assert.Single(channel.Elements("description")).Value);
        Rfc822(Assert.Single(channel.Elements("lastBuildDate")).Value);
        foreach (var item in channel.Elements("item"))
        {
            Assert.NotEmpty(Assert.Single(item.Elements("title")).Value);
            AssertAbsolute(Assert.Single(item.Elements("link")).Value);
            var guid = Assert.Single(item.Elements("guid"));
            Assert.Equal("false", (string?)guid.Attribute("isPermaLink"));
            Assert.Matches(GuidPattern(), guid.Value);
            Rfc822(Assert.Single(item.Elements("pubDate")).Value);
        }
    }

    private static void AssertOneAlternatePerType(XElement parent) =>
        Assert.All(
            parent.Elements(Atom + "link").Where(l => (string?)l.Attribute("rel") is null or "alternate").GroupBy(l => ((string?)l.Attribute("type"), (string?)l.Attribute("hreflang"))),
            group => Assert.Single(group));

    private static void AssertAbsolute(string iri) => Assert.True(Uri.TryCreate(iri, UriKind.Absolute, out _), $"\"{iri}\" is not an absolute IRI");

    private static DateTimeOffset AssertDate(string text)
    {
        Assert.Matches(Rfc3339(), text);
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }

    private static void Rfc822(string text) =>
        Assert.True(DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"\"{text}\" is not an RFC 822 date");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^oai:arXiv\.org:(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")]
    private static partial Regex GuidPattern();
}
