using System.Xml.Linq;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>
/// Reads arXiv's daily announcement feeds (rss.arxiv.org/rss/cs.LG as RSS 2.0, rss.arxiv.org/atom/cs.LG as Atom;
/// the layout of January 2024). New papers and cross-lists are listed on the announcement day; replacements only
/// update a paper's metadata, since arXiv announcing a new version does not list the paper again.
/// </summary>
public static class ArxivRssReader
{
    private const string Expected = "an arXiv RSS 2.0 or Atom announcement feed (root <rss> or <feed>)";

    /// <exception cref="SourceFormatException">The file is not well-formed XML or not a feed.</exception>
    public static IEnumerable<SourceItem> Read(Stream stream, string fileName, CancellationToken ct)
    {
        var root = XmlSource.LoadRoot(stream, fileName, Expected, ct, "rss", "feed");
        var isRss = root.Name.LocalName == "rss";
        var channel = isRss ? root.Child("channel") ?? root : root;
        var entries = channel.Children(isRss ? "item" : "entry");
        var feedDay = FeedDay(channel);
        var items = new List<SourceItem>();
        var number = 0;
        foreach (var entry in entries)
        {
            ct.ThrowIfCancellationRequested();
            items.Add(ReadEntry(entry, isRss, fileName, ++number, feedDay));
        }

        return items;
    }

    // The channel's pubDate is the announcement day (midnight America/New_York, "Fri, 23 Feb 2024 00:00:00 -0500");
    // its UTC date is that same day, since midnight in New York is 04:00 or 05:00 UTC. Atom feeds have no
    // pubDate: each entry's <published> says the same day, and the feed's <updated> is when it was generated.
    private static DateOnly? FeedDay(XElement channel)
    {
        var date = SourceDates.Parse(channel.ChildText("pubDate"));
        return date is { } d ? SourceDates.UtcDay(d) : null;
    }

    private static SourceItem ReadEntry(XElement entry, bool isRss, string fileName, int number, DateOnly? feedDay)
    {
        var text = ArxivRssDescription.Parse(entry.ChildText(isRss ? "description" : "summary"));
        var announceType = (entry.ChildText("announce_type") ?? text.AnnounceType)?.Trim().ToLowerInvariant();
        var announcedAt = SourceDates.Parse(entry.ChildText(isRss ? "pubDate" : "published"));
        var id = text.Id ?? entry.ChildText(isRss ? "guid" : "id") ?? entry.ChildText("link") ?? entry.Child("link")?.AttributeText("href");
        var categories = isRss
            ? entry.Children("category").Select(c => c.Value.Trim())
            : entry.Children("category").Select(c => c.AttributeText("term"));
        var builder = new PaperRecordBuilder
        {
            Id = id?.Trim(),
            Title = entry.ChildText("title"),
            Abstract = text.Abstract,
            Categories = string.Join(' ', categories.Where(ArxivCategoryCodes.IsCode)),
            License = entry.ChildText("rights"),
            Doi = entry.ChildText("DOI") ?? entry.ChildText("doi"),
            JournalRef = entry.ChildText("journal_reference"),
        };
        builder.Authors.AddRange(AuthorNames.SplitList(entry.ChildText("creator")));
        if (builder.Authors.Count == 0)
        {
            builder.Authors.AddRange(entry.Children("author").Select(a => a.ChildText("name")).OfType<string>());
        }

        // The date is when this version was announced: the first listing for v1, an update for later versions.
        var version = ArxivId.TryParse(builder.Id, out _, out var v) ? v : null;
        builder.SubmittedAt = version is null or 1 ? announcedAt : null;
        builder.UpdatedAt = announcedAt;
        if (!builder.TryBuild(out var paper, out var error))
        {
            return new RejectedItem(SourceLocation.Record(fileName, number, id), error!);
        }

        var location = SourceLocation.Record(fileName, number, paper!.Id.Value);
        if (announceType is not ("new" or "cross"))
        {
            return new PaperItem(location, paper);
        }

        var day = feedDay ?? (announcedAt is { } at ? SourceDates.UtcDay(at) : null);
        return day is { } listed
            ? new PaperItem(location, paper, new ListingRecord(listed, ListingSource.Arxiv) { ListedAt = announcedAt })
            : new RejectedItem(location, "no announcement day: neither the channel's pubDate nor the item's says it");
    }
}
