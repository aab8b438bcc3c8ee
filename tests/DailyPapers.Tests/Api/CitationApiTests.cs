using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DailyPapers.Core.Citations;
using DailyPapers.Core.Listings;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Ingestion.Sources;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Api;

/// <summary>
/// <c>/papers/{id}.bib</c> and <c>.ris</c> and the paper page's citation and link-preview tags, on the real app:
/// papers of the arXiv fixture (one of which its authors cite with arXiv's export), an old-style id, a hidden paper
/// and one whose title and names carry quotes and angle brackets.
/// </summary>
public sealed class CitationApiTests : IAsyncLifetime
{
    private const string Cited = "2506.07402";
    private const string WithMath = "2506.07982";
    private const string OldStyle = "hep-th/9901001";
    private const string Hidden = "2506.07368";
    private const string Quoted = "2511.00001";
    private const string QuotedTitle = "Quotes \"double\" & 'single' <b>not bold</b>";
    private const string QuotedAuthor = "Zoë \"Z\" <O'Brien>";

    private TestStore _store = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var writer = new PaperWriter(_store.Factory, TimeProvider.System);
        var ids = new[] { Cited, WithMath, Hidden };
        var lines = TestData.KaggleCsLines().Where(line => ids.Any(id => line.Contains($"\"id\": \"{id}\"", StringComparison.Ordinal))).ToList();
        Assert.Equal(ids.Length, lines.Count);
        using (var arxiv = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))))
        {
            await new ImportRunner(writer).RunAsync(KaggleSnapshotReader.Read(arxiv, "cs.jsonl", CancellationToken.None), () => default, null, CancellationToken.None);
        }

        var quoted = SamplePapers.Item(Quoted, QuotedTitle);
        await writer.WriteAsync(
            [SamplePapers.Item(OldStyle, "An Old-Style Paper", categories: "hep-th"), quoted with { Paper = quoted.Paper with { Authors = [QuotedAuthor] } }],
            CancellationToken.None);
        await using (var context = _store.Factory.CreateContext())
        {
            await context.Database.ExecuteSqlRawAsync($"UPDATE papers SET is_hidden = 1 WHERE id = '{Hidden}'");
        }

        _app = await RunningApp.StartAsync(_store);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task The_bib_of_a_paper_is_arxivs_export_with_the_bibtex_type()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/papers/{Cited}.bib");
        request.Headers.Add("Origin", "https://notebook.example.org");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PaperBibTex.ContentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"inline; filename=\"{Cited}.bib\"", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        // The key, title and authors of the arXiv export the paper's authors pasted into their README
        // (github.com/jailflip/jailflip-2025, an earlier version of README.md).
        Assert.Equal(
            "@misc{zhou2025jailbreaksrevealingstealthierbroader,\n" +
            "      title={Beyond Jailbreaks: Revealing Stealthier and Broader LLM Security Risks Stemming from Alignment Failures}, \n" +
            "      author={Yukai Zhou and Sibei Yang and Wenjie Wang},\n" +
            "      year={2025},\n" +
            "      eprint={2506.07402},\n" +
            "      archivePrefix={arXiv},\n" +
            "      primaryClass={cs.CR},\n" +
            "      url={https://arxiv.org/abs/2506.07402}, \n" +
            "}\n",
            await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(Cited)]
    [InlineData(WithMath)]
    [InlineData(OldStyle)]
    public async Task Both_formats_are_what_the_formatters_write_for_the_stored_paper(string id)
    {
        var paper = await StoredAsync(id);

        using var bib = await _app.Client.GetAsync($"/papers/{id}.bib");
        using var ris = await _app.Client.GetAsync($"/papers/{id}.ris");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (bib.StatusCode, ris.StatusCode));
        Assert.Equal(PaperBibTex.Write(paper), await bib.Content.ReadAsStringAsync());
        Assert.Equal(PaperRis.Write(paper), await ris.Content.ReadAsStringAsync());
        Assert.Equal(PaperRis.ContentType, ris.Content.Headers.ContentType!.ToString());
        Assert.Equal($"inline; filename=\"{id.Replace('/', '-')}.ris\"", ris.Content.Headers.ContentDisposition!.ToString());
    }

    [Fact]
    public async Task An_old_style_id_is_its_eprint()
    {
        var bib = await _app.Client.GetStringAsync($"/papers/{OldStyle}.bib");

        Assert.Contains("      eprint={hep-th/9901001},\n", bib, StringComparison.Ordinal);
        Assert.Contains("      primaryClass={hep-th},\n", bib, StringComparison.Ordinal);
        Assert.Contains("      url={https://arxiv.org/abs/hep-th/9901001}, \n", bib, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/papers/2506.99999.bib")]
    [InlineData("/papers/2506.99999.ris")]
    [InlineData("/papers/9999.99999.bib")]
    [InlineData("/papers/hep-th/9901002.ris")]
    [InlineData("/papers/" + Hidden + ".bib")]
    [InlineData("/papers/" + Hidden + ".ris")]
    public async Task An_unknown_or_hidden_paper_is_a_plain_text_404(string url)
    {
        using var response = await _app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/papers/not-a-paper.bib")]
    [InlineData("/papers/not-a-paper.ris")]
    [InlineData("/papers/%3Cscript%3E.bib")]
    [InlineData("/papers/abs/xyz.ris")]
    public async Task A_junk_id_is_a_plain_text_400(string url)
    {
        using var response = await _app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("is not", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_paper_pages_head_has_the_citation_tags_arxiv_pages_have_and_link_preview_tags()
    {
        var paper = await StoredAsync(Cited);
        var pageUrl = new Uri(_app.BaseAddress, $"/papers/{Cited}").AbsoluteUri;

        using var page = await PageAsync(Cited);

        Assert.Equal([paper.Title], Meta(page, "citation_title"));
        Assert.Equal(["Zhou, Yukai", "Yang, Sibei", "Wang, Wenjie"], Meta(page, "citation_author"));
        Assert.Equal(["2025/06/10"], Meta(page, "citation_date"));
        Assert.Equal(["2025/06/10"], Meta(page, "citation_publication_date"));
        Assert.Equal(["2025/06/10"], Meta(page, "citation_online_date"));
        Assert.Equal([Cited], Meta(page, "citation_arxiv_id"));
        Assert.Equal(["https://arxiv.org/pdf/2506.07402"], Meta(page, "citation_pdf_url"));
        Assert.Equal([pageUrl], Meta(page, "citation_abstract_html_url"));
        Assert.Equal([PaperText.SingleLine(paper.Abstract)], Meta(page, "citation_abstract"));
        Assert.Empty(Meta(page, "citation_doi"));
        Assert.Equal(["article"], Meta(page, "og:type"));
        Assert.Equal(["DailyPapers"], Meta(page, "og:site_name"));
        Assert.Equal([paper.Title], Meta(page, "og:title"));
        Assert.Equal([pageUrl], Meta(page, "og:url"));
        Assert.Equal(["summary"], Meta(page, "twitter:card"));
        Assert.Equal([paper.Title], Meta(page, "twitter:title"));
    }

    [Fact]
    public async Task Descriptions_are_the_abstract_cut_at_a_word_within_200_characters()
    {
        var paper = await StoredAsync(Cited);

        using var page = await PageAsync(Cited);

        var description = Assert.Single(Meta(page, "og:description"));
        Assert.Equal([description], Meta(page, "twitter:description"));
        Assert.True(description.Length <= 200, description);
        Assert.EndsWith("…", description, StringComparison.Ordinal);
        Assert.StartsWith(description[..^1], PaperText.SingleLine(paper.Abstract), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_and_angle_brackets_in_titles_and_names_reach_the_tags_as_text()
    {
        using var page = await PageAsync(Quoted);

        Assert.Equal([QuotedTitle], Meta(page, "citation_title"));
        Assert.Equal([QuotedTitle], Meta(page, "og:title"));
        Assert.Equal(["<O'Brien>, Zoë \"Z\""], Meta(page, "citation_author"));
        Assert.Empty(page.Head!.QuerySelectorAll("b"));
    }

    [Fact]
    public async Task The_cite_box_shows_the_bibtex_and_links_both_formats()
    {
        var paper = await StoredAsync(WithMath);

        using var page = await PageAsync(WithMath);

        var box = page.QuerySelector("details.cite")!;
        Assert.Equal(PaperBibTex.Write(paper), box.QuerySelector("pre#cite-bibtex")!.TextContent);
        Assert.Contains("$τ^2$-Bench", box.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            [$"/papers/{WithMath}.bib", $"/papers/{WithMath}.ris"],
            box.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        var copy = box.QuerySelector("button.cite-copy")!;
        Assert.True(copy.HasAttribute("hidden"));
        Assert.Equal("cite-bibtex", copy.GetAttribute("data-copy"));
        Assert.Contains(page.Head!.QuerySelectorAll("script"), s => s.GetAttribute("src") == "/js/cite.js");
    }

    private async Task<ListedPaper> StoredAsync(string id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PaperReader>().FindAsync(ArxivId.Parse(id), CancellationToken.None))!;
    }

    private async Task<IDocument> PageAsync(string id) =>
        await new HtmlParser().ParseDocumentAsync(await _app.Client.GetStringAsync($"/papers/{id}"));

    private static List<string> Meta(IDocument page, string name) =>
        [.. page.Head!.QuerySelectorAll("meta")
            .Where(m => m.GetAttribute("name") == name || m.GetAttribute("property") == name)
            .Select(m => m.GetAttribute("content") ?? "")];
}
