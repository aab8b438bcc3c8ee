using System.Diagnostics;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DailyPapers.Infrastructure.Discussion;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Discussion;

/// <summary>
/// Comments are Markdown with TeX from strangers: what readers write comes out as they meant it, and the OWASP
/// XSS filter evasion payloads come out as text, checked on the parsed output against an allowlist of our own.
/// </summary>
public sealed partial class CommentMarkdownTests
{
    private static readonly CommentMarkdown Renderer = new();

    // The spec, written out here rather than read from the class, so a widened allowlist fails a test.
    private static readonly HashSet<string> AllowedElements =
    [
        "p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
        "table", "thead", "tbody", "tr", "th", "td", "span", "div",
    ];

    private static readonly HashSet<string> AllowedSchemes = ["http", "https", "mailto"];

    public static TheoryData<string> XssPayloads => new()
    {
        // Raw HTML: Markdig must print it as text, the sanitizer would drop it anyway.
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
        "<<script>alert(1)//<</script>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<svg/onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<style>@import 'https://xss.example/x.css';</style>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<details open ontoggle=alert(1)>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"data:text/html,<script>alert(1)</script>\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<xmp><img src=x onerror=alert(1)></xmp>",
        "<!--<img src=x onerror=alert(1)>-->",
        "<div>\n<img src=x onerror=alert(1)>\n</div>",

        // Markdown links and images: the scheme is what matters.
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](jav&#x09;ascript:alert(1))",
        "[x](java&#x0A;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](javascript://%0aalert(1))",
        "[x](java\tscript:alert(1))",
        "[x](java\nscript:alert(1))",
        "[x](\u0001javascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](DATA:text/html,<script>alert(1)</script>)",
        "<javascript:alert(1)>",
        "<vbscript:msgbox(1)>",
        "[x][evil]\n\n[evil]: javascript:alert(1)",
        "[evil]\n\n[evil]: <JAVASCRIPT:alert(1)> \"title\"",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "[![x](javascript:alert(1))](javascript:alert(2))",
        "[x](<https://ok.example/\" onmouseover=\"alert(1)>)",
        "[x]: https://ok.example \"t\\\" onmouseover=\\\"alert(1)\"\n\n[x]",
        "www.example.com/\"onmouseover=\"alert(1)",
        "https://example.com/<script>alert(1)</script>",
        "<https://x.example/\" onclick=\"alert(1)>",

        // TeX and code are text, whatever they contain.
        "$</span><script>alert(1)</script>$",
        "$$\n</div><img src=x onerror=alert(1)>\n$$",
        "$\\href{javascript:alert(1)}{x}$",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "| <img src=x onerror=alert(1)> | b |\n|---|---|\n| [x](javascript:alert(1)) | <svg/onload=alert(1)> |",
        "# <script>alert(1)</script>",
    };

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void A_hostile_comment_comes_out_without_active_markup(string markdown)
    {
        var html = Renderer.ToHtml(markdown);

        // In the output every '<' that is text is escaped, so each match would be a real tag.
        Assert.DoesNotMatch(ForbiddenTag(), html);
        Assert.DoesNotMatch(EventHandlerAttribute(), html);
        Assert.DoesNotMatch(ScriptUrlAttribute(), html);
    }

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void A_hostile_comment_parses_to_allowed_elements_and_attributes_only(string markdown)
    {
        var html = Renderer.ToHtml(markdown);

        Assert.Empty(Violations(html));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_with_its_equals_signs_encoded()
    {
        // "=" as &#61; reads the same, and a quoted attack never looks like "onclick=" to a filter scanning the page.
        Assert.Equal("<p>&lt;b onclick&#61;\"x()\"&gt;bold&lt;/b&gt;</p>", Renderer.ToHtml("<b onclick=\"x()\">bold</b>"));
    }

    [Fact]
    public void Emphasis_strong_and_strikethrough_render()
    {
        Assert.Equal("<p><em>a</em> <strong>b</strong> <del>c</del></p>", Renderer.ToHtml("*a* **b** ~~c~~"));
    }

    [Fact]
    public void Single_tilde_and_caret_stay_text_rather_than_sub_and_superscript()
    {
        Assert.Equal("<p>It takes ~5 to ~10 ms, and x^2 is 4^1.</p>", Renderer.ToHtml("It takes ~5 to ~10 ms, and x^2 is 4^1."));
    }

    [Fact]
    public void Lists_render()
    {
        Assert.Equal(
            "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n<ul>\n<li>c</li>\n<li>d</li>\n</ul>",
            Renderer.ToHtml("1. a\n2. b\n\n- c\n- d"));
    }

    [Fact]
    public void A_blockquote_and_a_rule_render()
    {
        Assert.Equal("<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>", Renderer.ToHtml("> quoted\n\n---"));
    }

    [Fact]
    public void A_pipe_table_renders_without_its_alignment_styles()
    {
        var html = Renderer.ToHtml("| a | b |\n|--:|---|\n| 1 | 2 |");

        Assert.Equal("<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>", html);
    }

    [Fact]
    public void Math_inside_a_code_span_stays_code()
    {
        Assert.Equal("<p><code>$x^2$</code> and <code>a &lt; b</code></p>", Renderer.ToHtml("`$x^2$` and `a < b`"));
    }

    [Fact]
    public void Math_inside_a_code_block_stays_code_and_loses_the_language_class()
    {
        Assert.Equal("<pre><code>$$\nx &lt; y\n$$\n</code></pre>", Renderer.ToHtml("```latex\n$$\nx < y\n$$\n```"));
    }

    [Fact]
    public void A_link_gets_nofollow_ugc_and_no_target()
    {
        Assert.Equal(
            "<p><a href=\"https://example.org/x?a=1&amp;b=2\" rel=\"nofollow ugc\">see</a></p>",
            Renderer.ToHtml("[see](https://example.org/x?a=1&b=2 \"a title\")"));
    }

    [Fact]
    public void Bare_urls_www_and_email_addresses_become_links()
    {
        Assert.Equal(
            "<p><a href=\"https://arxiv.org/abs/1706.03762\" rel=\"nofollow ugc\">https://arxiv.org/abs/1706.03762</a>, "
            + "<a href=\"https://www.example.org\" rel=\"nofollow ugc\">www.example.org</a>, "
            + "<a href=\"mailto:someone@example.org\" rel=\"nofollow ugc\">someone@example.org</a></p>",
            Renderer.ToHtml("https://arxiv.org/abs/1706.03762, www.example.org, <someone@example.org>"));
    }

    [Theory]
    [InlineData("[home](/papers/2401.00001)", "<p>home</p>")]
    [InlineData("[other](//evil.example/x)", "<p>other</p>")]
    [InlineData("[file](ftp://example.org/f)", "<p>file</p>")]
    [InlineData("[empty]()", "<p>empty</p>")]
    public void A_link_that_is_not_absolute_http_https_or_mailto_is_shown_as_its_text(string markdown, string expected)
    {
        Assert.Equal(expected, Renderer.ToHtml(markdown));
    }

    [Theory]
    [InlineData("![a chart](https://example.org/c.png \"t\")", "<p><a href=\"https://example.org/c.png\" rel=\"nofollow ugc\">a chart</a></p>")]
    [InlineData("![](https://example.org/c.png)", "<p><a href=\"https://example.org/c.png\" rel=\"nofollow ugc\">https://example.org/c.png</a></p>")]
    [InlineData("[![logo](https://example.org/l.png)](https://example.org)", "<p><a href=\"https://example.org\" rel=\"nofollow ugc\">logo</a></p>")]
    [InlineData("![pixel](javascript:alert(1))", "<p>pixel</p>")]
    public void An_image_is_a_link_to_it_never_an_img(string markdown, string expected)
    {
        Assert.Equal(expected, Renderer.ToHtml(markdown));
    }

    [Fact]
    public void Headings_are_bold_paragraphs()
    {
        Assert.Equal(
            "<p><strong>Main <em>point</em></strong></p>\n<p><strong>Second</strong></p>\n<p>text</p>",
            Renderer.ToHtml("# Main *point*\n\nSecond\n------\n\ntext"));
    }

    [Fact]
    public void Inline_math_is_a_math_span_with_the_delimiters_of_math_js()
    {
        Assert.Equal("<p>Let <span class=\"math\">\\(x^2 + y_1\\)</span> be.</p>", Renderer.ToHtml("Let $x^2 + y_1$ be."));
    }

    [Fact]
    public void Display_math_is_a_math_div_with_the_delimiters_of_math_js()
    {
        Assert.Equal(
            "<div class=\"math\">\n\\[\n\\sum_{i&#61;1}^n \\frac{a_i}{b}\n\\]</div>",
            Renderer.ToHtml("$$\n\\sum_{i=1}^n \\frac{a_i}{b}\n$$"));
    }

    [Fact]
    public void Double_dollars_inside_a_line_are_inline_math()
    {
        Assert.Equal("<p>so <span class=\"math\">\\(x\\)</span> holds</p>", Renderer.ToHtml("so $$x$$ holds"));
    }

    [Fact]
    public void The_math_delimiters_are_ones_math_js_hands_to_katex()
    {
        var script = File.ReadAllText(Path.Combine(TestData.RepoRoot, "src", "DailyPapers", "wwwroot", "js", "math.js"));

        Assert.Contains("SELECTOR = \".math", script, StringComparison.Ordinal);
        Assert.Contains("{ left: \"\\\\(\", right: \"\\\\)\", display: false }", script, StringComparison.Ordinal);
        Assert.Contains("{ left: \"\\\\[\", right: \"\\\\]\", display: true }", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$a<b$")]
    [InlineData("$a <b> c$")]
    [InlineData("$$\na<b\n$$")]
    [InlineData("$\\text{<script>alert(1)</script>}$")]
    public void Tex_with_angle_brackets_stays_text_inside_the_math_element(string markdown)
    {
        var body = Parse(Renderer.ToHtml(markdown));

        var math = Assert.Single(body.QuerySelectorAll(".math"));
        Assert.Empty(math.Children);
        Assert.Contains('<', math.TextContent);
    }

    [Fact]
    public void Tex_a_less_than_b_is_escaped()
    {
        Assert.Equal("<p><span class=\"math\">\\(a&lt;b\\)</span></p>", Renderer.ToHtml("$a<b$"));
    }

    // Markdig's rule: an opening $ follows a space or punctuation, the first $ after it is the only candidate to
    // close, and it closes only if a space or punctuation follows it and it is preceded by a space exactly when the
    // opening $ is followed by one. So a price's "$6" never closes "$5 …"; only a text whose dollars pair up like
    // TeX ("$5 and 6$") is read as math. Outside a math element KaTeX never sees the dollars.
    [Theory]
    [InlineData("It costs $5 and $6 today.")]
    [InlineData("between $5 and $6.")]
    [InlineData("costs $5, $6 and $7")]
    [InlineData("$5-$10 a month")]
    [InlineData("$5/$6")]
    [InlineData("US$5 and US$6")]
    [InlineData("from $5 to $ 6")]
    [InlineData("an \\$5 escaped")]
    public void Prices_in_dollars_stay_text(string markdown)
    {
        Assert.Equal("<p>" + markdown.Replace("\\$", "$", StringComparison.Ordinal) + "</p>", Renderer.ToHtml(markdown));
    }

    [Theory]
    [InlineData("pay $5 or 6$ now", "<p>pay <span class=\"math\">\\(5 or 6\\)</span> now</p>")]
    [InlineData("$5 and $6 and $7$", "<p>$5 and $6 and <span class=\"math\">\\(7\\)</span></p>")]
    public void Dollars_that_pair_up_like_tex_are_math(string markdown, string expected)
    {
        Assert.Equal(expected, Renderer.ToHtml(markdown));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\t \r\n")]
    public void Empty_or_blank_input_gives_an_empty_string(string markdown)
    {
        Assert.Equal("", Renderer.ToHtml(markdown));
    }

    [Fact]
    public void A_comment_of_the_maximum_length_renders_fast()
    {
        var paragraph = "Some **bold**, $x^2 + 1$, a [link](https://example.org/p) and `code` on $5 and $6.\n\n";
        var markdown = string.Concat(Enumerable.Repeat(paragraph, CommentMarkdown.MaxLength / paragraph.Length + 1))[..CommentMarkdown.MaxLength];
        Renderer.ToHtml(paragraph);

        var watch = Stopwatch.StartNew();
        var html = Renderer.ToHtml(markdown);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(CommentMarkdown.MaxLength / paragraph.Length, Parse(html).QuerySelectorAll("span.math").Length);
    }

    public static TheoryData<string> Pathological => new()
    {
        new string('>', CommentMarkdown.MaxLength),
        string.Concat(Enumerable.Repeat("- ", CommentMarkdown.MaxLength / 2)),
        new string('[', CommentMarkdown.MaxLength),
        new string('[', CommentMarkdown.MaxLength / 2) + new string(']', CommentMarkdown.MaxLength / 2),
        new string('*', CommentMarkdown.MaxLength / 2 - 1) + "a" + new string('*', CommentMarkdown.MaxLength / 2),
        new string('$', CommentMarkdown.MaxLength),
        string.Concat(Enumerable.Repeat("`a", CommentMarkdown.MaxLength / 2)),
        string.Concat(Enumerable.Repeat("|", CommentMarkdown.MaxLength)),
        string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- x\n"))[..CommentMarkdown.MaxLength],
    };

    // Markdig throws past its nesting limit and is slowest on long runs of brackets (~0.3 s here): a comment of
    // the maximum length must still come back as safe HTML, well within a request.
    [Theory]
    [MemberData(nameof(Pathological))]
    public void A_pathological_comment_of_the_maximum_length_renders_safely_in_time(string markdown)
    {
        var watch = Stopwatch.StartNew();
        var html = Renderer.ToHtml(markdown);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.ElapsedMilliseconds} ms");
        Assert.Empty(Violations(html));
    }

    [Fact]
    public void Input_nested_past_markdigs_limit_is_shown_as_plain_text()
    {
        var markdown = new string('>', 200) + " <b>deep</b> & $x$";

        Assert.Equal("<p>" + new string('>', 200).Replace(">", "&gt;", StringComparison.Ordinal) + " &lt;b&gt;deep&lt;/b&gt; &amp; $x$</p>", Renderer.ToHtml(markdown));
    }

    [Fact]
    public void One_instance_renders_the_same_on_many_threads()
    {
        var inputs = Enumerable.Range(0, 200).Select(i => $"# {i}\n\n*{i}* $x_{i}$ [l](https://example.org/{i}) ![i](https://example.org/{i}.png)").ToArray();
        var expected = inputs.Select(new CommentMarkdown().ToHtml).ToArray();

        var actual = new string[inputs.Length];
        Parallel.For(0, inputs.Length, i => actual[i] = Renderer.ToHtml(inputs[i]));

        Assert.Equal(expected, actual);
    }

    private static IElement Parse(string html) =>
        new HtmlParser().ParseDocument("<!doctype html><html><body>" + html + "</body></html>").Body!;

    private static List<string> Violations(string html)
    {
        var violations = new List<string>();
        foreach (var element in Parse(html).QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            if (!AllowedElements.Contains(name) || element.NamespaceUri != "http://www.w3.org/1999/xhtml")
            {
                violations.Add($"element <{name}> ({element.NamespaceUri})");
            }

            var attributes = element.Attributes.Select(a => a.Name).Order(StringComparer.Ordinal).ToArray();
            switch (name)
            {
                case "a":
                    if (!attributes.SequenceEqual(["href", "rel"]))
                    {
                        violations.Add($"<a> with attributes [{string.Join(", ", attributes)}]");
                    }

                    var href = element.GetAttribute("href");
                    if (href is null || !Uri.TryCreate(href, UriKind.Absolute, out var url) || !AllowedSchemes.Contains(url.Scheme))
                    {
                        violations.Add($"<a> with href \"{href}\"");
                    }

                    if (element.GetAttribute("rel") != "nofollow ugc")
                    {
                        violations.Add($"<a> with rel \"{element.GetAttribute("rel")}\"");
                    }

                    break;
                case "span" or "div":
                    if (!attributes.SequenceEqual(["class"]) || element.GetAttribute("class") != "math" || element.Children.Length > 0)
                    {
                        violations.Add($"<{name}> that is not a math element of text: {element.OuterHtml}");
                    }

                    break;
                default:
                    if (attributes.Length > 0)
                    {
                        violations.Add($"<{name}> with attributes [{string.Join(", ", attributes)}]");
                    }

                    break;
            }
        }

        return violations;
    }

    [GeneratedRegex(@"<\s*/?\s*(script|iframe|style|svg|img|math|object|embed|form|meta|base|link|body|details|xmp|noscript|input|button)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ForbiddenTag();

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"<[^>]*\s(href|src|action|formaction|data|xlink:href)\s*=\s*[""']?[\s\x00-\x1f]*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrlAttribute();
}
