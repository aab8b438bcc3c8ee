namespace DailyPapers.Web;

/// <summary>What a sitemap file lists; its name in lower case begins the file's name (<c>days-1.xml</c>).</summary>
public enum SitemapFileKind
{
    Days,
    Weeks,
    Months,
    Papers,
}
