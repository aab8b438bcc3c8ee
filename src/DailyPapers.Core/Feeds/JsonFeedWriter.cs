using System.Text.Encodings.Web;
using System.Text.Json;

namespace DailyPapers.Core.Feeds;

/// <summary>
/// JSON Feed 1.1 (jsonfeed.org/version/1.1): items with id (arXiv's guid), url (the page here), external_url (arXiv),
/// title, content_html and content_text (the abstract), dates, authors, tags (categories), the PDF as an attachment,
/// and what the format has no field for under <c>_dailypapers</c>, as the spec names extensions.
/// </summary>
public static class JsonFeedWriter
{
    /// <remarks>
    /// Markup is written as is (<c>&lt;p&gt;</c>, not <c>\u003Cp\u003E</c>): a feed is read as JSON, never pasted into
    /// a page's script, which is what the default encoder guards against.
    /// </remarks>
    public static byte[] Write(FeedDocument feed)
    {
        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", feed.Title);
            json.WriteString("home_page_url", feed.Page.AbsoluteUri);
            json.WriteString("feed_url", feed.Self.AbsoluteUri);
            json.WriteString("description", feed.Description);
            json.WriteString("favicon", new Uri(feed.Site, "favicon.svg").AbsoluteUri);
            json.WriteString("language", "en");
            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", "DailyPapers");
            json.WriteString("url", feed.Site.AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in feed.Entries)
            {
                WriteItem(json, entry);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return output.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter json, FeedEntry entry)
    {
        var paper = entry.Paper;
        json.WriteStartObject();
        json.WriteString("id", entry.ItemId);
        json.WriteString("url", entry.Page.AbsoluteUri);
        json.WriteString("external_url", paper.AbsUrl);
        json.WriteString("title", FeedText.Line(paper.Title));
        json.WriteString("content_html", FeedEntryHtml.Write(entry));
        json.WriteString("content_text", FeedText.Clean(paper.Abstract));
        if (paper.AiSummary is { Length: > 0 } summary)
        {
            json.WriteString("summary", FeedText.Clean(summary));
        }

        json.WriteString("date_published", FeedXml.Rfc3339(entry.Published));
        json.WriteString("date_modified", FeedXml.Rfc3339(entry.Updated));
        json.WriteStartArray("authors");
        foreach (var author in paper.Authors)
        {
            json.WriteStartObject();
            json.WriteString("name", FeedText.Line(author));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tags");
        foreach (var category in paper.Categories)
        {
            json.WriteStringValue(category);
        }

        json.WriteEndArray();
        json.WriteStartArray("attachments");
        json.WriteStartObject();
        json.WriteString("url", paper.PdfUrl);
        json.WriteString("mime_type", "application/pdf");
        json.WriteString("title", "PDF");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("_dailypapers");
        json.WriteString("arxiv_id", paper.Id);
        json.WriteNumber("version", paper.Version);
        json.WriteNumber("votes", paper.Votes);
        json.WriteNumber("comments", paper.NumComments);
        WriteOptional(json, "primary_category", paper.Categories.Count > 0 ? paper.Categories[0] : null);
        WriteOptional(json, "code_url", paper.GithubRepo);
        WriteOptional(json, "project_page", paper.ProjectPage);
        WriteOptional(json, "doi", paper.Doi);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
