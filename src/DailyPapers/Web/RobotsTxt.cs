using System.Text;

namespace DailyPapers.Web;

/// <summary>
/// The site's <c>/robots.txt</c> (RFC 9309): crawlers may walk the listing pages, trending and every paper page,
/// which <c>/sitemap.xml</c> lists; the rules below keep them out of what is private, a form, endless or a copy.
/// </summary>
public static class RobotsTxt
{
    public const string ContentType = "text/plain; charset=utf-8";

    /// <summary>
    /// Path prefixes crawlers are asked not to fetch; <c>*</c> and a closing <c>$</c> as RFC 9309 defines them. All
    /// else is open: the pages, trending, readers' public profiles (<c>/users/…</c>), styles and scripts (which a
    /// crawler needs to render a page).
    /// </summary>
    private static readonly string[] Disallowed =
    [
        // Sign-in, sign-up, password reset and a reader's own settings and tokens: private, or forms with nothing to index.
        "/account",
        // Moderation: moderators only.
        "/admin",
        // Subscribing, and the signed links in emails (confirm, manage, unsubscribe): one reader's business, never a robot's.
        "/subscribe",
        "/subscriptions/",
        // Featuring a paper: a form for signed-in readers.
        "/papers/submit",
        // Search, and search within a listing page (?q=): every query is another page, without end. Listing pages keep
        // ?page= and ?source=: few, and the way to the papers past the first fifty of a day.
        "/search",
        "/*?q=",
        "/*&q=",
        // The JSON API (whose cursor walks every paper) and the Markdown copy of each paper page: the same papers as
        // the pages, for programs; a crawler would fetch the store twice more and might index a copy over the page.
        "/api/",
        "/*.md$",
    ];

    /// <summary>The file, naming the sitemap index by its absolute address (the protocol wants a full URL).</summary>
    public static string For(Uri sitemap)
    {
        var text = new StringBuilder("User-agent: *\n");
        foreach (var path in Disallowed)
        {
            text.Append("Disallow: ").Append(path).Append('\n');
        }

        return text.Append('\n').Append("Sitemap: ").Append(sitemap.AbsoluteUri).Append('\n').ToString();
    }
}
