namespace DailyPapers.Core.Digests;

/// <summary>
/// One period's digest composed once: <see cref="Personalise"/> only puts a subscriber's own links into it, so that
/// thousands of emails cost little more than copying their text. Safe to share between threads.
/// </summary>
public sealed class DigestTemplate
{
    private readonly IReadOnlyList<PreparedPaper> _papers;
    private readonly string _heading;
    private readonly string _what;

    // The bodies for the last site asked for; every subscriber of an instance has the same one.
    private volatile RenderedBodies? _bodies;

    internal DigestTemplate(DigestContent content, string subject, string heading, string what, IReadOnlyList<PreparedPaper> papers)
    {
        Content = content;
        Subject = subject;
        _heading = heading;
        _what = what;
        _papers = papers;
    }

    public DigestContent Content { get; }

    public string Subject { get; }

    public ComposedEmail Personalise(DigestLinks links)
    {
        var site = DigestComposer.Root(links.Site, nameof(links));
        var manage = DigestComposer.Absolute(links.Manage, nameof(links));
        var unsubscribe = DigestComposer.Absolute(links.Unsubscribe, nameof(links));
        var bodies = _bodies;
        if (bodies is null || bodies.SiteRoot != site)
        {
            bodies = new RenderedBodies(
                site,
                DigestHtml.Render(Subject, _heading, _papers, _what, site),
                DigestPlainText.Render(_heading, _papers, _what, site));
            _bodies = bodies;
        }

        var html = string.Concat(
            [bodies.Html, EmailHtml.Escape(manage), DigestHtml.FooterMiddle, EmailHtml.Escape(unsubscribe), DigestHtml.FooterEnd]);
        var text = string.Concat(
            [bodies.Text, manage, DigestPlainText.FooterMiddle, unsubscribe, DigestPlainText.FooterEnd]);
        return new ComposedEmail(Subject, html, text);
    }

    private sealed record RenderedBodies(string SiteRoot, string Html, string Text);
}
