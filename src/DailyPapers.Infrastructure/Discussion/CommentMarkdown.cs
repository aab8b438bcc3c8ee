using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoLinks;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DailyPapers.Infrastructure.Discussion;

/// <summary>
/// Markdown (CommonMark with raw HTML off, strikethrough, autolinks, pipe tables and <c>$…$</c> / <c>$$…$$</c>
/// math for the page's KaTeX) to HTML, then through an allowlist sanitizer as a second line of defence.
/// Thread-safe: the pipeline and the configured sanitizer are only read after construction.
/// </summary>
public sealed class CommentMarkdown
{
    /// <summary>Characters of Markdown a comment may have. Callers check it; <see cref="ToHtml"/> renders what it is given.</summary>
    public const int MaxLength = 10_000;

    private const string LinkRel = "nofollow ugc";
    private const string MathClass = "math";

    // Every element the output may contain: what the pipeline below emits, less images and headings (see their
    // rewrites) and the emphasis extras it is not asked for. span and div only ever as math (see Finish).
    private static readonly HashSet<string> AllowedTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
        "table", "thead", "tbody", "tr", "th", "td", "span", "div",
    };

    // Relative links are not kept either (see KeepLink).
    private static readonly HashSet<string> AllowedSchemes = new(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "mailto",
    };

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        // Only ~~strike~~: with ~sub~ and ^sup^ on, "~5 to ~10 ms" and "x^2 is 4^1" written outside math are
        // mangled into subscripts and superscripts.
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
        .UsePipeTables()
        .UseMathematics()
        .Build();

    private readonly HtmlSanitizer _sanitizer;

    public CommentMarkdown()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(AllowedTags);
        options.AllowedAttributes.UnionWith(["href", "class"]);
        options.UriAttributes.Add("href");
        options.AllowedSchemes.UnionWith(AllowedSchemes);
        options.AllowedClasses.Add(MathClass);
        _sanitizer = new HtmlSanitizer(options)
        {
            // An element outside the list loses its tags, never its text: no comment text vanishes silently.
            KeepChildNodes = true,
        };
        _sanitizer.PostProcessNode += (_, e) => Finish(e);
    }

    public string ToHtml(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return "";
        }

        string html;
        try
        {
            html = Render(markdown);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested past its depth limit ("[[[[…", "> > > …") rather than overflow the
            // stack; such a comment is shown as its plain text.
            html = "<p>" + WebUtility.HtmlEncode(markdown) + "</p>";
        }

        return _sanitizer.Sanitize(html, "", TextFormatter.Encoding).Trim();
    }

    /// <summary>
    /// Writes text with <c>=</c> encoded too (<c>&amp;#61;</c>, which reads the same). A comment quoting an attack,
    /// such as <c>&lt;img onerror=…&gt;</c>, is inert text either way, but then no scanner or filter that looks for
    /// <c>onerror=</c> in the page mistakes the quotation for the attack.
    /// </summary>
    private sealed class TextFormatter : AngleSharp.Html.HtmlMarkupFormatter
    {
        public static readonly TextFormatter Encoding = new();

        public override string Text(AngleSharp.Dom.ICharacterData text) =>
            base.Text(text).Replace("=", "&#61;", StringComparison.Ordinal);
    }

    private string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        ReplaceImages(document);
        FlattenHeadings(document);
        return document.ToHtml(_pipeline);
    }

    // No <img>: an image in a comment is a tracking pixel for every reader who opens the page, and it can cover
    // the layout. Its alt text becomes a link to the image instead, so a reader chooses to open it.
    private static void ReplaceImages(MarkdownDocument document)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            if (InsideLink(image))
            {
                // A link may not hold a link: keep only the alt text inside the outer one.
                image.MoveChildrenAfter(image);
                image.Remove();
                continue;
            }

            image.IsImage = false;
            if (image.FirstChild is null)
            {
                image.AppendChild(new LiteralInline(image.Url ?? "image"));
            }
        }
    }

    private static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline)
            {
                return true;
            }
        }

        return false;
    }

    // A comment's "# Title" would enter the page's outline beside the paper's own headings and take its size;
    // it is shown as a bold paragraph.
    private static void FlattenHeadings(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>().ToList())
        {
            var strong = new EmphasisInline { DelimiterChar = '*', DelimiterCount = 2 };
            heading.Inline?.TransferChildrenTo(strong);
            var paragraph = new ParagraphBlock { Inline = new ContainerInline() };
            paragraph.Inline.AppendChild(strong);
            var parent = heading.Parent!;
            var index = parent.IndexOf(heading);
            parent.RemoveAt(index);
            parent.Insert(index, paragraph);
        }
    }

    // Runs on every node after the allowlist: what the allowlist cannot say per tag is said here.
    private static void Finish(PostProcessNodeEventArgs e)
    {
        if (e.Node is not IElement element)
        {
            return;
        }

        if (element is IHtmlAnchorElement anchor)
        {
            if (!KeepLink(anchor.GetAttribute("href")))
            {
                Unwrap(e, element);
                return;
            }

            anchor.SetAttribute("rel", LinkRel);
            return;
        }

        var isMathContainer = element.LocalName is "span" or "div";
        if (isMathContainer && element.GetAttribute("class") != MathClass)
        {
            Unwrap(e, element);
            return;
        }

        if (!isMathContainer)
        {
            element.RemoveAttribute("class");
        }
    }

    // Only absolute links survive: a relative one would point into this site under a reader's words.
    private static bool KeepLink(string? href) =>
        href is not null
        && Uri.TryCreate(href, UriKind.Absolute, out var uri)
        && AllowedSchemes.Contains(uri.Scheme);

    private static void Unwrap(PostProcessNodeEventArgs e, IElement element)
    {
        foreach (var child in element.ChildNodes.ToList())
        {
            e.ReplacementNodes.Add(child);
        }
    }
}
