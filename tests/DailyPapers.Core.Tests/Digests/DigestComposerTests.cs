using System.Text.RegularExpressions;
using DailyPapers.Core.Digests;
using static DailyPapers.Core.Tests.Digests.DigestSamples;

namespace DailyPapers.Core.Tests.Digests;

public partial class DigestComposerTests
{
    [Fact]
    public void Compose_UserAndSourceText_IsEscapedInHtml()
    {
        var paper = Paper(title: "Title " + Xss) with { Authors = ["Eve " + Xss], Summary = "Summary " + Xss };
        var content = new DigestContent(DigestKind.Alert, "New papers for your alert “" + Xss + "”", [paper], AlertQuery: Xss);

        var html = DigestComposer.Compose(content, Links).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Title &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img", html, StringComparison.Ordinal);
        // <title> (heading and title), heading, title, author, summary, alert query
        Assert.Equal(7, Regex.Count(html, "&lt;script&gt;"));
    }

    [Fact]
    public void Compose_Html_HasNoScriptStyleBlockOrImages()
    {
        var html = DigestComposer.Compose(Daily(Paper(), Paper("2506.00002")), Links).Html;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-width:640px", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_EveryHtmlLink_IsAbsolute()
    {
        var hrefs = Hrefs().Matches(DigestComposer.Compose(Daily(Paper(), Paper("hep-th/9901001")), Links).Html)
            .Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(8, hrefs.Count); // site, 2 papers and their code, site again, manage, unsubscribe
        Assert.All(hrefs, h => Assert.StartsWith("https://", h, StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_PaperLinks_AreUnderTheSiteInBothParts()
    {
        var email = DigestComposer.Compose(Daily(Paper(), Paper("hep-th/9901001")), Links);

        Assert.Contains("href=\"https://papers.example.org/papers/2506.01234\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://papers.example.org/papers/hep-th/9901001\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("\n   https://papers.example.org/papers/2506.01234\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("\n   https://papers.example.org/papers/hep-th/9901001\n", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SiteUnderAPath_KeepsThePath()
    {
        var links = Links with { Site = new Uri("https://example.org/daily") };

        var email = DigestComposer.Compose(Daily(), links);

        Assert.Contains("https://example.org/daily/papers/2506.01234", email.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/daily/papers/2506.01234\"", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Footer_LinksToManageAndUnsubscribeInBothParts()
    {
        var email = DigestComposer.Compose(Daily(), Links);

        Assert.Contains("<a href=\"https://papers.example.org/subscriptions/manage?token=abc&amp;x=1\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://papers.example.org/subscriptions/unsubscribe?token=abc\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("\nManage your emails: https://papers.example.org/subscriptions/manage?token=abc&x=1\n", email.Text, StringComparison.Ordinal);
        Assert.EndsWith("\nUnsubscribe: https://papers.example.org/subscriptions/unsubscribe?token=abc\n", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DigestKind.Daily, null, "the daily digest of trending papers")]
    [InlineData(DigestKind.Weekly, null, "the weekly digest of top papers")]
    [InlineData(DigestKind.Alert, "diffusion au:ho", "the alert “diffusion au:ho”")]
    [InlineData(DigestKind.Alert, null, "a saved-search alert")]
    public void Compose_Footer_SaysWhyTheEmailCame(DigestKind kind, string? query, string what)
    {
        var email = DigestComposer.Compose(Daily() with { Kind = kind, AlertQuery = query }, Links);

        Assert.Contains("because you subscribed to " + what, email.Html, StringComparison.Ordinal);
        Assert.Contains("because you subscribed to " + what, email.Text.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TextPart_NumbersPapersAndWrapsAt76Columns()
    {
        var longPaper = Paper(title: string.Join(' ', Enumerable.Repeat("Scaling laws for neural language models", 4)))
            with
        { Summary = string.Join(' ', Enumerable.Repeat("We study empirical scaling laws for language model performance.", 10)) };
        var papers = Enumerable.Range(1, 12).Select(i => i == 11 ? longPaper : Paper($"2506.{i:00000}")).ToArray();

        var text = DigestComposer.Compose(Daily(papers), Links).Text;

        Assert.Contains("\n 1. Attention Is All You Need\n", text, StringComparison.Ordinal);
        Assert.Contains("\n11. Scaling laws", text, StringComparison.Ordinal);
        Assert.Contains("\n12. Attention Is All You Need\n", text, StringComparison.Ordinal);
        Assert.All(
            text.Split('\n').Where(line => !line.Contains("https://", StringComparison.Ordinal)),
            line => Assert.True(line.Length <= 76, $"{line.Length}: {line}"));
    }

    [Fact]
    public void Compose_TextPart_ShowsAuthorsVotesSummaryAndCode()
    {
        var text = DigestComposer.Compose(Daily(), Links).Text;

        Assert.Contains(
            """
            1. Attention Is All You Need
               Ashish Vaswani, Noam Shazeer, Niki Parmar et al.
               42 votes · 7 comments
               The dominant sequence transduction models are based on complex recurrent
               or convolutional neural networks.
               https://papers.example.org/papers/2506.01234
               Code: https://github.com/tensorflow/tensor2tensor
            """.ReplaceLineEndings("\n"),
            text,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "A" }, "A")]
    [InlineData(new[] { "A", "B", "C" }, "A, B, C")]
    [InlineData(new[] { "A", "B", "C", "D" }, "A, B, C et al.")]
    public void Compose_Authors_FirstThreeThenEtAl(string[] authors, string shown)
    {
        var email = DigestComposer.Compose(Daily(Paper() with { Authors = authors }), Links);

        Assert.Contains($"\n   {shown}\n", email.Text, StringComparison.Ordinal);
        Assert.Contains($">{shown}</div>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_OneVoteNoComments_SaysSo()
    {
        var email = DigestComposer.Compose(Daily(Paper() with { Votes = 1, Comments = 0 }), Links);

        Assert.Contains("\n   1 vote\n", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_LongSummary_IsCutAtAWordNear300Characters()
    {
        var summary = string.Join(' ', Enumerable.Repeat("transformers", 60));

        var html = DigestComposer.Compose(Daily(Paper() with { Summary = summary }), Links).Html;

        var shown = Regex.Match(html, "<p style=\"margin:6px 0 0;\">([^<]*)</p>").Groups[1].Value;
        Assert.EndsWith("transformers…", shown, StringComparison.Ordinal);
        Assert.InRange(shown.Length, 250, 301);
    }

    [Fact]
    public void Compose_TeXInTitleAndSummary_IsReadableEverywhere()
    {
        var paper = Paper(title: "Learning $\\alpha$-divergences in $O(n^2)$") with { Summary = "We bound $\\|x\\|_2 \\leq \\sqrt{d}$." };

        var email = DigestComposer.Compose(Daily(paper), Links);

        Assert.EndsWith("Learning α-divergences in O(n²)", email.Subject, StringComparison.Ordinal);
        Assert.Contains(">Learning α-divergences in O(n²)</a>", email.Html, StringComparison.Ordinal);
        Assert.Contains("We bound ‖x‖₂ ≤ √d.", email.Html, StringComparison.Ordinal);
        Assert.Contains("\n1. Learning α-divergences in O(n²)\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("We bound ‖x‖₂ ≤ √d.", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Subject_IsHeadingThenFirstTitle()
    {
        var subject = DigestComposer.Compose(Daily(), Links).Subject;

        Assert.Equal("Trending papers · Tuesday, June 10, 2025 — Attention Is All You Need", subject);
    }

    [Fact]
    public void Compose_TitleWithLineBreaks_SubjectIsOneLine()
    {
        var subject = DigestComposer.Compose(Daily(Paper(title: "A title\r\nwith\nline\tbreaks")), Links).Subject;

        Assert.EndsWith("— A title with line breaks", subject, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', subject);
        Assert.DoesNotContain('\r', subject);
    }

    [Fact]
    public void Compose_LongTitleOrHeading_SubjectIsAtMost100Characters()
    {
        var longTitle = string.Join(' ', Enumerable.Repeat("Efficient", 30));
        var longHeading = "New papers for your alert “" + string.Join(' ', Enumerable.Repeat("diffusion", 20)) + "”";

        var daily = DigestComposer.Compose(Daily(Paper(title: longTitle)), Links).Subject;
        var alert = DigestComposer.Compose(new DigestContent(DigestKind.Alert, longHeading, [Paper(title: longTitle)]), Links).Subject;

        Assert.InRange(daily.Length, 90, 100);
        Assert.EndsWith("Efficient…", daily, StringComparison.Ordinal);
        Assert.InRange(alert.Length, 90, 100);
        Assert.Contains("… — Efficient", alert, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoPapers_GivesTheHeadingWithoutThrowing()
    {
        var email = DigestComposer.Compose(new DigestContent(DigestKind.Weekly, "Top papers of the week 2025-W24", []), Links);

        Assert.Equal("Top papers of the week 2025-W24", email.Subject);
        Assert.Contains("Unsubscribe", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("github.com/a/b")]
    [InlineData("")]
    public void Compose_CodeLinkThatIsNotAWebUrl_IsLeftOut(string repo)
    {
        var email = DigestComposer.Compose(Daily(Paper() with { GithubRepo = repo }), Links);

        Assert.DoesNotContain("Code:", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(">code</a>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_RelativeLink_IsRefused() =>
        Assert.Throws<ArgumentException>(() => DigestComposer.Compose(Daily(), Links with { Manage = new Uri("/manage", UriKind.Relative) }));

    [Fact]
    public void Personalise_TwoSubscribers_DifferOnlyInTheirLinks()
    {
        var template = DigestComposer.Prepare(Daily(Paper(), Paper("2506.00002")));
        var other = Links with { Manage = new Uri("https://papers.example.org/m?t=2"), Unsubscribe = new Uri("https://papers.example.org/u?t=2") };

        var first = template.Personalise(Links);
        var second = template.Personalise(other);

        Assert.Equal(DigestComposer.Compose(Daily(Paper(), Paper("2506.00002")), Links), first);
        Assert.Equal(first.Subject, second.Subject);
        Assert.Equal(
            first.Text
                .Replace("subscriptions/manage?token=abc&x=1", "m?t=2", StringComparison.Ordinal)
                .Replace("subscriptions/unsubscribe?token=abc", "u?t=2", StringComparison.Ordinal),
            second.Text);
    }

    [Fact]
    public void Personalise_AnotherSite_LinksToThatSite()
    {
        var template = DigestComposer.Prepare(Daily());
        _ = template.Personalise(Links);

        var email = template.Personalise(Links with { Site = new Uri("https://mirror.example.net") });

        Assert.Contains("https://mirror.example.net/papers/2506.01234", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("https://papers.example.org/papers/", email.Html, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();
}
