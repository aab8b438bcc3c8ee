using System.Globalization;

namespace DailyPapers.Core.Feeds;

/// <summary>
/// RSS 2.0, item by item as arXiv's own RSS feeds write them (rss_specifications: a <c>guid</c> of
/// <c>oai:arXiv.org:id+version</c> that is not a permalink, one <c>category</c> per subject, the authors in one
/// comma-separated <c>dc:creator</c>, <c>arxiv:DOI</c> and <c>arxiv:journal_reference</c>), linking to the paper's page
/// here, with the comment count of the Slash module and our votes.
/// </summary>
public static class RssFeedWriter
{
    public static byte[] Write(FeedDocument feed)
    {
        using var output = new MemoryStream();
        using (var xml = FeedXml.Create(output))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, FeedNamespaces.Atom);
            xml.WriteAttributeString("xmlns", "dc", null, FeedNamespaces.DublinCore);
            xml.WriteAttributeString("xmlns", "arxiv", null, FeedNamespaces.Arxiv);
            xml.WriteAttributeString("xmlns", "slash", null, FeedNamespaces.Slash);
            xml.WriteAttributeString("xmlns", "dp", null, FeedNamespaces.DailyPapers);
            xml.WriteStartElement("channel");
            FeedXml.Element(xml, "title", null, feed.Title);
            xml.WriteElementString("link", feed.Page.AbsoluteUri);
            FeedXml.Element(xml, "description", null, feed.Description);
            xml.WriteStartElement("link", FeedNamespaces.Atom);
            xml.WriteAttributeString("href", feed.Self.AbsoluteUri);
            xml.WriteAttributeString("rel", "self");
            xml.WriteAttributeString("type", FeedFormats.MediaType(FeedFormat.Rss));
            xml.WriteEndElement();
            xml.WriteElementString("docs", "https://www.rssboard.org/rss-specification");
            xml.WriteElementString("language", "en");
            xml.WriteElementString("lastBuildDate", FeedXml.Rfc822(feed.Updated));
            xml.WriteElementString("generator", "DailyPapers");
            foreach (var entry in feed.Entries)
            {
                WriteItem(xml, entry);
            }

            xml.WriteEndElement();
            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    private static void WriteItem(System.Xml.XmlWriter xml, FeedEntry entry)
    {
        var paper = entry.Paper;
        xml.WriteStartElement("item");
        xml.WriteElementString("title", FeedText.Line(paper.Title));
        xml.WriteElementString("link", entry.Page.AbsoluteUri);
        xml.WriteElementString("description", FeedEntryHtml.Write(entry));
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", "false");
        xml.WriteString(entry.ItemId);
        xml.WriteEndElement();
        xml.WriteElementString("pubDate", FeedXml.Rfc822(entry.Published));
        foreach (var category in paper.Categories)
        {
            xml.WriteElementString("category", category);
        }

        xml.WriteElementString("comments", entry.Discussion.AbsoluteUri);
        xml.WriteElementString("creator", FeedNamespaces.DublinCore, FeedText.Line(string.Join(", ", paper.Authors)));
        FeedXml.Element(xml, "DOI", FeedNamespaces.Arxiv, paper.Doi);
        FeedXml.Element(xml, "journal_reference", FeedNamespaces.Arxiv, paper.JournalRef);
        xml.WriteElementString("comments", FeedNamespaces.Slash, paper.NumComments.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("votes", FeedNamespaces.DailyPapers, paper.Votes.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }
}
