using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Community;

/// <summary>
/// Script payloads from every place text comes from (imported titles and author names, submission notes, comments)
/// stay text on every page that shows them: checked on the parsed page, not by searching its source.
/// </summary>
public sealed class XssTests
{
    private static readonly string[] Payloads =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "\"><iframe src=javascript:alert(1)>",
        "<a href=\"jav&#x09;ascript:alert(1)\">y</a>",
        "'';!--\"<XSS>=&{()}",
    ];

    [Fact]
    public async Task Payloads_in_titles_names_submission_notes_and_comments_stay_text()
    {
        var fresh = DateTimeOffset.UtcNow.AddDays(-1);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var papers = Payloads.Select((payload, i) =>
        {
            var item = SamplePapers.Item($"2511.0000{i + 1}", $"Title {payload}", submittedAt: fresh);
            return item with { Paper = item.Paper with { Authors = [$"Author {payload}", "Ada Lovelace"] } };
        }).ToArray();
        await using var site = await CommunitySite.StartAsync(
            StoreProvider.Sqlite, new Dictionary<string, string?> { ["Submissions:PerUserPerDay"] = "10" }, papers);
        var ada = await site.AddReaderAsync("ada@example.org");
        for (var i = 0; i < Payloads.Length; i++)
        {
            using (await site.SendAsync(HttpMethod.Post, "/api/papers/submit", ada.Token, new { id = $"2511.0000{i + 1}", comment = Payloads[i] }))
            using (await site.SendAsync(HttpMethod.Post, $"/api/papers/2511.0000{i + 1}/comments", ada.Token, new { body = Payloads[i] }))
            {
            }
        }

        using var browser = await site.SignedInBrowserAsync(ada);
        var pages = new List<(string Url, string Html)>();
        foreach (var url in new[] { $"/papers/date/{today:yyyy-MM-dd}", "/papers/2511.00001", "/papers/2511.00002", "/papers/2511.00006", $"/users/{ada.Handle}" })
        {
            pages.Add((url, await site.App.Client.GetStringAsync(url)));
            pages.Add((url + " (signed in)", await browser.GetStringAsync(url)));
        }

        var parser = new HtmlParser();
        foreach (var (url, html) in pages)
        {
            using var document = parser.ParseDocument(html);
            Assert.Contains("alert(1)", document.Body!.TextContent, StringComparison.Ordinal);
            Assert.All(document.QuerySelectorAll("script"), script => Assert.StartsWith("/", script.GetAttribute("src") ?? "inline script", StringComparison.Ordinal));
            Assert.Empty(document.QuerySelectorAll("iframe, svg, xss, img[onerror]"));
            foreach (var element in document.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                Assert.False(IsScriptUrl(element.GetAttribute("href")) || IsScriptUrl(element.GetAttribute("src")), $"{url}: {element.OuterHtml}");
            }
        }
    }

    private static bool IsScriptUrl(string? url) =>
        url is not null && new string([.. url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))])
            .StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);
}
