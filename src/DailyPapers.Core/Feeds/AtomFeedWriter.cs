using System.Globalization;
using System.Xml;

namespace DailyPapers.Core.Feeds;

/// <summary>
/// Atom 1.0 (RFC 4287). Every entry has an id (arXiv's guid for the version), a title, updated and published times,
/// its authors, an alternate link to its page here, related links to arXiv, the PDF and the code, a plain-text
/// summary (the abstract) and an HTML content; the feed names an author, so no entry is ever without one.
/// </summary>
public static class AtomFeedWriter
{
    public static byte[] Write(FeedDocument feed)
    {
        using var output = new MemoryStream();
        using (var xml = FeedXml.Create(output))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", FeedNamespaces.Atom);
            xml.WriteAttributeString("xmlns", "arxiv", null, FeedNamespaces.Arxiv);
            xml.WriteAttributeString("xmlns", "dp", null, FeedNamespaces.DailyPapers);
            xml.WriteElementString("id", FeedNamespaces.Atom, feed.Self.AbsoluteUri);
            Text(xml, "title", feed.Title);
            Text(xml, "subtitle", feed.Description);
            xml.WriteElementString("updated", FeedNamespaces.Atom, FeedXml.Rfc3339(feed.Updated));
            Link(xml, "self", FeedFormats.MediaType(FeedFormat.Atom), feed.Self.AbsoluteUri, null);
            Link(xml, "alternate", "text/html", feed.Page.AbsoluteUri, null);
            xml.WriteStartElement("author", FeedNamespaces.Atom);
            xml.WriteElementString("name", FeedNamespaces.Atom, "DailyPapers");
            xml.WriteElementString("uri", FeedNamespaces.Atom, feed.Site.AbsoluteUri);
            xml.WriteEndElement();
            xml.WriteStartElement("generator", FeedNamespaces.Atom);
            xml.WriteAttributeString("uri", feed.Site.AbsoluteUri);
            xml.WriteString("DailyPapers");
            xml.WriteEndElement();
            xml.WriteElementString("icon", FeedNamespaces.Atom, new Uri(feed.Site, "favicon.svg").AbsoluteUri);
            foreach (var entry in feed.Entries)
            {
                WriteEntry(xml, entry);
            }

            xml.WriteEndElement();
        }

        return output.ToArray();
    }

    private static void WriteEntry(XmlWriter xml, FeedEntry entry)
    {
        var paper = entry.Paper;
        xml.WriteStartElement("entry", FeedNamespaces.Atom);
        xml.WriteElementString("id", FeedNamespaces.Atom, entry.ItemId);
        Text(xml, "title", FeedText.Line(paper.Title));
        xml.WriteElementString("updated", FeedNamespaces.Atom, FeedXml.Rfc3339(entry.Updated));
        xml.WriteElementString("published", FeedNamespaces.Atom, FeedXml.Rfc3339(entry.Published));
        foreach (var author in paper.Authors)
        {
            xml.WriteStartElement("author", FeedNamespaces.Atom);
            xml.WriteElementString("name", FeedNamespaces.Atom, FeedText.Line(author));
            xml.WriteEndElement();
        }

        Link(xml, "alternate", "text/html", entry.Page.AbsoluteUri, null);
        Link(xml, "related", "text/html", paper.AbsUrl, "arXiv");
        Link(xml, "related", "application/pdf", paper.PdfUrl, "PDF");
        if (paper.GithubRepo is { } code)
        {
            Link(xml, "related", "text/html", code, "Code");
        }

        if (paper.ProjectPage is { } project)
        {
            Link(xml, "related", "text/html", project, "Project page");
        }

        Link(xml, "replies", "text/html", entry.Discussion.AbsoluteUri, "Discussion");
        foreach (var category in paper.Categories)
        {
            xml.WriteStartElement("category", FeedNamespaces.Atom);
            xml.WriteAttributeString("term", category);
            xml.WriteAttributeString("scheme", FeedNamespaces.Arxiv);
            xml.WriteEndElement();
        }

        Text(xml, "summary", paper.Abstract);
        xml.WriteStartElement("content", FeedNamespaces.Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(FeedEntryHtml.Write(entry));
        xml.WriteEndElement();
        if (paper.Categories.Count > 0)
        {
            xml.WriteStartElement("primary_category", FeedNamespaces.Arxiv);
            xml.WriteAttributeString("term", paper.Categories[0]);
            xml.WriteAttributeString("scheme", FeedNamespaces.Arxiv);
            xml.WriteEndElement();
        }

        FeedXml.Element(xml, "doi", FeedNamespaces.Arxiv, paper.Doi);
        FeedXml.Element(xml, "comment", FeedNamespaces.Arxiv, paper.Comments);
        FeedXml.Element(xml, "journal_ref", FeedNamespaces.Arxiv, paper.JournalRef);
        xml.WriteElementString("votes", FeedNamespaces.DailyPapers, paper.Votes.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("comments", FeedNamespaces.DailyPapers, paper.NumComments.ToString(CultureInfo.InvariantCulture));
        xml.WriteEndElement();
    }

    private static void Text(XmlWriter xml, string name, string text)
    {
        xml.WriteStartElement(name, FeedNamespaces.Atom);
        xml.WriteAttributeString("type", "text");
        xml.WriteString(FeedText.Clean(text));
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string type, string href, string? title)
    {
        xml.WriteStartElement("link", FeedNamespaces.Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        if (title is not null)
        {
            xml.WriteAttributeString("title", title);
        }

        xml.WriteEndElement();
    }
}
