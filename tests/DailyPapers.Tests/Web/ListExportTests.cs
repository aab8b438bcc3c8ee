using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DailyPapers.Core.Citations;
using DailyPapers.Tests.Feeds;

namespace DailyPapers.Tests.Web;

/// <summary>
/// A whole day, week or month, or a search's results, downloaded as BibTeX, RIS or CSV from the page's own address
/// with <c>?format=</c>: every paper of the list once, in the list's order, linked from the page.
/// </summary>
public sealed partial class ListExportTests(FeedSite site) : IClassFixture<FeedSite>
{
    [Fact]
    public async Task A_day_as_BibTeX_holds_every_paper_of_the_day_once_with_its_own_key()
    {
        using var response = await site.App.Client.GetAsync("/papers/date/2025-06-10?format=bib");
        var bib = await response.Content.ReadAsStringAsync();

        Assert.Equal("application/x-bibtex", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dailypapers-2025-06-10.bib", response.Content.Headers.ContentDisposition!.FileNameStar);
        var keys = BibKey().Matches(bib).Select(m => m.Groups[1].Value).ToList();
        var eprints = Eprint().Matches(bib).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(await DayIdsAsync("2025-06-10"), eprints);
    }

    [Fact]
    public async Task A_week_of_one_source_as_CSV_has_a_header_and_a_row_per_paper()
    {
        using var response = await site.App.Client.GetAsync("/papers/week/2025-W24?source=arxiv&format=csv");
        var rows = ParseCsv(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(PaperCsv.Columns, rows[0]);
        Assert.True(rows.Count > 1000, $"{rows.Count - 1} papers in the week");
        Assert.All(rows, r => Assert.Equal(PaperCsv.Columns.Count, r.Count));
        Assert.Equal(rows.Count - 1, rows.Skip(1).Select(r => r[0]).Distinct().Count());
    }

    [Fact]
    public async Task A_search_as_RIS_lists_its_results_in_the_searchs_order()
    {
        var ris = await site.App.Client.GetStringAsync("/search?q=diffusion&sort=newest&format=ris");
        var page = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync("/search?q=diffusion&sort=newest"));
        var shown = page.QuerySelectorAll(".search-results .paper-title a").Select(a => a.GetAttribute("href")!["/papers/".Length..]).ToList();
        var exported = RisId().Matches(ris).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(exported.Count, Regex.Count(ris, "^TY  - ", RegexOptions.Multiline));
        Assert.Equal(exported.Count, Regex.Count(ris, "^ER  - ", RegexOptions.Multiline));
        Assert.True(exported.Count > shown.Count, "the file holds more than the first page");
        Assert.Equal(shown, exported.Take(shown.Count));
    }

    [Theory]
    [InlineData("/papers/date/2025-06-10", "/papers/date/2025-06-10?format=bib")]
    [InlineData("/papers/week/2025-W24?source=hf&page=2", "/papers/week/2025-W24?source=hf&format=bib")]
    [InlineData("/search?q=diffusion&p=2", "/search?q=diffusion&format=bib")]
    public async Task The_page_links_its_export_without_the_page_number(string url, string bib)
    {
        var page = new HtmlParser().ParseDocument(await site.App.Client.GetStringAsync(url));
        var links = page.QuerySelectorAll(".export-links a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(3, links.Count);
        Assert.Equal(bib, links[0]);
        using var file = await site.App.Client.GetAsync(bib);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [Theory]
    [InlineData("/papers/date/2025-06-10?format=pdf")]
    [InlineData("/search?q=diffusion&format=docx")]
    public async Task An_unknown_format_is_refused(string url)
    {
        using var response = await site.App.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("use bib, ris or csv", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<List<string>> DayIdsAsync(string day)
    {
        var ids = new List<string>();
        for (var page = 0; ; page++)
        {
            using var json = JsonDocument.Parse(await site.App.Client.GetStringAsync($"/api/daily_papers?date={day}&limit=100&p={page}"));
            var items = json.RootElement.EnumerateArray().Select(i => i.GetProperty("paper").GetProperty("id").GetString()!).ToList();
            ids.AddRange(items);
            if (items.Count < 100)
            {
                return ids;
            }
        }
    }

    /// <summary>RFC 4180 read by hand: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else { field.Append(c); }
        }

        return rows;
    }

    [GeneratedRegex(@"^@misc\{([^,]+),", RegexOptions.Multiline)]
    private static partial Regex BibKey();

    [GeneratedRegex(@"^\s+eprint=\{([^}]+)\},", RegexOptions.Multiline)]
    private static partial Regex Eprint();

    [GeneratedRegex(@"^AN  - arXiv:(\S+)\r?$", RegexOptions.Multiline)]
    private static partial Regex RisId();
}
