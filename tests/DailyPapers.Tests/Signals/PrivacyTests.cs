using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using AngleSharp.Html.Parser;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Signals;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Signals;

/// <summary>
/// Privacy between readers: with another reader's cookie, with their token, or with neither, nothing of a reader's
/// private collections, notes, picks, "not interested" marks, follows or ranking is reachable; a private collection's
/// addresses answer exactly as those of a collection that does not exist; no post changes another reader's signals.
/// And the saves limit, reached through the page, is said clearly and leaves nothing half-written.
/// </summary>
public sealed partial class PrivacyTests
{
    private const string CollectionName = "Zephyr orchid shelf";
    private const string NoteMarker = "qx7-ada-private-note";
    private const string Author = "Zelda Quux";
    private const string Category = "q-bio.NC";
    private const string Unknown = "no-such-shelf";
    private const string SignIn = "302 /account/signin";

    private static readonly DateOnly Day = new(2025, 6, 10);

    private static readonly string DayPage = $"/papers/date/{Day:yyyy-MM-dd}";

    private static readonly string[] Exports = ["", "?format=bib", "?format=ris", "?format=csv"];

    private static readonly string[] FeedFormats = ["atom", "rss", "json"];

    private static readonly string[] ExportedSignals = ["collections", "notInterested", "picks", "follows"];

    /// <summary>What only Ada's own signals put on a page: her collection and note, the reasons on her list, her marks on cards.</summary>
    private static readonly string[] Traces =
        [CollectionName, NoteMarker, "ada@example.org", "whom you follow", "which you follow", "which you picked", "which you saved", "value=\"unsave\"", "value=\"undismiss\""];

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task One_reader_can_never_see_another_readers_private_collections_signals_or_ranking(StoreProvider provider)
    {
        await using var site = await StartAsync(provider);
        var ada = await site.AddReaderAsync("ada@example.org");
        var bob = await site.AddReaderAsync("bob@example.org");
        var (slug, adaFeed) = await GiveAdaEverythingAsync(site, ada);
        var before = await SignalsOfAsync(site, ada.Id);
        await SeeAdasOwnAsync(site, ada, slug, adaFeed);

        using var asBob = await site.SignedInBrowserAsync(bob);
        using var withToken = Browser(site, bob.Token);
        using var anonymous = Browser(site, null);
        HttpClient[] clients = [asBob, withToken, anonymous];
        List<string> problems = [];

        // Every post that names a collection, a paper or a follow, aimed at Ada's: each acts on its sender's own only.
        (string Url, Dictionary<string, string> Fields, string AsBob, string WithToken, string Anonymous)[] posts =
        [
            ($"/collections/{slug}?handler=Settings", new() { ["name"] = "Renamed by Bob", ["isPublic"] = "true", ["isSignal"] = "false" }, "404", SignIn, SignIn),
            ($"/collections/{slug}?handler=Note", new() { ["id"] = "2506.00001", ["note"] = "Bob was here" }, "404", SignIn, SignIn),
            ($"/collections/{slug}?handler=Move", new() { ["id"] = "2506.00001", ["index"] = "3" }, "404", SignIn, SignIn),
            ($"/collections/{slug}?handler=Remove", new() { ["id"] = "2506.00001" }, "404", SignIn, SignIn),
            ($"/collections/{slug}?handler=Delete", new(), "404", SignIn, SignIn),
            ("/for-you/signals?handler=Paper", new() { ["id"] = "2506.00001", ["change"] = "unsave", ["collection"] = slug }, "404", SignIn, SignIn),
            ("/for-you/signals?handler=Paper", new() { ["id"] = "2506.00006", ["change"] = "save", ["collection"] = slug }, "404", SignIn, SignIn),
            ("/for-you/signals?handler=Paper", new() { ["id"] = "2506.00002", ["change"] = "undismiss" }, "302 /for-you", SignIn, SignIn),
            ("/for-you/signals?handler=Paper", new() { ["id"] = "2506.00003", ["change"] = "unpick" }, "302 /for-you", SignIn, SignIn),
            ("/for-you/signals?handler=Follow", new() { ["kind"] = "author", ["name"] = Author, ["following"] = "false" }, "302 /for-you", SignIn, SignIn),
            ("/for-you/signals?handler=Follow", new() { ["kind"] = "category", ["name"] = Category, ["following"] = "false" }, "302 /for-you", SignIn, SignIn),
            ("/for-you/setup", new() { ["shown"] = Category }, "302 /for-you", SignIn, SignIn),
            ("/for-you?handler=Settings", new() { ["days"] = "1", ["weight"] = "0" }, "302 /for-you", SignIn, SignIn),
            ("/for-you?handler=ResetFeed", new(), "302 /for-you", "302 /for-you", "302 /for-you"),
        ];
        foreach (var (url, fields, bobAnswer, tokenAnswer, anonymousAnswer) in posts)
        {
            string[] expected = [bobAnswer, tokenAnswer, anonymousAnswer];
            for (var c = 0; c < clients.Length; c++)
            {
                // Each with a valid antiforgery token of its own: Bob's from his page, the others' from the sign-in form.
                var (client, formPage) = (clients[c], c == 0 ? "/collections" : "/account/signin");
                await ExpectAsync(
                    s => CommunitySite.PostFormAsync(client, formPage, url.Replace(slug, s, StringComparison.Ordinal), fields.ToDictionary(f => f.Key, f => f.Value == slug ? s : f.Value)),
                    slug,
                    $"POST {url} {string.Join('&', fields.Select(f => $"{f.Key}={f.Value}"))} ({Name(c)})",
                    expected[c],
                    problems);
            }
        }

        var bobFeed = await site.App.Services.GetRequiredService<PersonalFeeds>().TokenAsync(bob.Id, reset: false, default);
        var forged = adaFeed[..(adaFeed.Length / 2)] + (adaFeed[adaFeed.Length / 2] == 'A' ? 'B' : 'A') + adaFeed[(adaFeed.Length / 2 + 1)..];
        var privateAddress = $"/users/{ada.Handle}/collections/{slug}";
        (string Url, string AsBob, string WithToken, string Anonymous)[] gets =
        [
            ("/for-you", "302 /for-you/setup", "200", "200"),
            ("/for-you?skip-setup=1", "200", "200", "200"),
            ("/for-you/setup", "200", SignIn, SignIn),
            ("/for-you/signals", "302 /for-you", "302 /for-you", "302 /for-you"),
            ("/collections", "200", SignIn, SignIn),
            .. Exports.SelectMany(query => new[]
            {
                ($"/collections/{slug}{query}", "404", SignIn, SignIn),
                ($"{privateAddress}{query}", "404", "404", "404"),
            }),
            .. FeedFormats.SelectMany(format => new[]
            {
                ($"/feeds/users/{ada.Handle}/collections/{slug}.{format}", "404", "404", "404"),
                ($"/feeds/for-you/not-a-token.{format}", "404", "404", "404"),
                ($"/feeds/for-you/{forged}.{format}", "404", "404", "404"),
                ($"/feeds/for-you/{bob.Token}.{format}", "404", "404", "404"),
                ($"/feeds/for-you/{bobFeed}.{format}", "200", "200", "200"),
            }),
            ("/api/for-you", "401", "200", "401"),
            ("/account?handler=Export", "200", SignIn, SignIn),
            ($"/users/{ada.Handle}", "200", "200", "200"),
            ($"/authors/{Uri.EscapeDataString(Author)}", "200", "200", "200"),
            (DayPage, "200", "200", "200"),
        ];
        foreach (var (url, bobAnswer, tokenAnswer, anonymousAnswer) in gets)
        {
            string[] expected = [bobAnswer, tokenAnswer, anonymousAnswer];
            for (var c = 0; c < clients.Length; c++)
            {
                var client = clients[c];
                await ExpectAsync(s => client.GetAsync(url.Replace(slug, s, StringComparison.Ordinal)), slug, $"GET {url} ({Name(c)})", expected[c], problems);
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));

        // Bob's own list, page and API, is untouched by Ada's marks: what she dismissed, saved and picked is on it.
        var bobList = new HtmlParser().ParseDocument(await asBob.GetStringAsync("/for-you?skip-setup=1"));
        var bobCards = bobList.QuerySelectorAll("li.paper-card").Select(c => c.GetAttribute("data-paper")).ToList();
        Assert.Superset(new HashSet<string?> { "2506.00001", "2506.00002", "2506.00003" }, bobCards.ToHashSet());
        Assert.Empty(bobList.QuerySelectorAll("li.paper-card.dismissed, .card-actions button[aria-pressed='true'], .save-to option"));
        Assert.Equal(bob.Id, await FeedReaderAsync(site, bobList.DocumentElement.OuterHtml));
        using (var api = JsonDocument.Parse(await withToken.GetStringAsync("/api/for-you")))
        {
            var ids = api.RootElement.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("item").GetProperty("paper").GetProperty("id").GetString());
            Assert.Superset(new HashSet<string?> { "2506.00001", "2506.00002", "2506.00003" }, ids.ToHashSet());
        }

        using (var export = JsonDocument.Parse(await asBob.GetStringAsync("/account?handler=Export")))
        {
            Assert.Equal("bob@example.org", export.RootElement.GetProperty("account").GetProperty("email").GetString());
            Assert.All(ExportedSignals, part => Assert.Equal(0, export.RootElement.GetProperty(part).GetArrayLength()));
        }

        var author = new HtmlParser().ParseDocument(await asBob.GetStringAsync($"/authors/{Uri.EscapeDataString(Author)}"));
        Assert.Equal("false", author.QuerySelector("form.follow-form button")?.GetAttribute("aria-pressed"));

        // Nothing of Ada's changed: not her collection, its note, her marks, follows, settings or feed address.
        Assert.Equal(before, await SignalsOfAsync(site, ada.Id));
        using (var stillHers = await site.App.Client.GetAsync(FeedPath(adaFeed, "atom")))
        {
            Assert.Equal(HttpStatusCode.OK, stillHers.StatusCode);
        }

        // Made public, the same addresses work (the 404s above were privacy, not a broken route); the owner's page stays hers.
        Assert.True((await site.App.Services.GetRequiredService<ReaderCollections>().UpdateAsync(ada.Id, slug, null, isPublic: true, isSignal: null, default)).Succeeded);
        var shown = await anonymous.GetStringAsync(privateAddress);
        var csv = await anonymous.GetStringAsync(privateAddress + "?format=csv");
        using var atom = XmlReader.Create(await anonymous.GetStreamAsync($"/feeds/users/{ada.Handle}/collections/{slug}.atom"));
        using var ownerPage = await asBob.GetAsync($"/collections/{slug}");
        Assert.Contains(CollectionName, shown, StringComparison.Ordinal);
        Assert.Contains(NoteMarker, shown, StringComparison.Ordinal);
        Assert.Contains("2506.00001", csv, StringComparison.Ordinal);
        Assert.Equal("Saved paper", Assert.Single(SyndicationFeed.Load(atom).Items).Title.Text);
        Assert.Equal(HttpStatusCode.NotFound, ownerPage.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task A_reader_at_the_saves_limit_is_told_so_through_the_page_and_nothing_is_half_written(StoreProvider provider)
    {
        // 10,000 saves over ten collections of the same 1,000 papers: the limit is the reader's, not a collection's.
        const int Shelves = 10;
        const int PerShelf = ReaderCollections.MaxSaves / Shelves;
        await using var site = await CommunitySite.StartAsync(provider, null, [.. Enumerable.Range(1, PerShelf + 1).Select(i => SamplePapers.Item(PaperId(i), $"Paper {i}"))]);
        var ada = await site.AddReaderAsync("ada@example.org");
        var collections = site.App.Services.GetRequiredService<ReaderCollections>();
        for (var i = 1; i <= Shelves; i++)
        {
            Assert.NotNull((await collections.CreateAsync(ada.Id, $"Shelf {i}", isPublic: false, isSignal: true, default)).Created);
        }

        var extra = PaperId(PerShelf + 1);
        await using (var context = site.Store.Factory.CreateContext())
        {
            // One statement for the 10,000 saves rather than 10,000 transactions, to keep the test short.
            await context.Database.ExecuteSqlAsync(
                $"INSERT INTO saved_papers (collection_id, paper_id, note, position, saved_at) SELECT c.id, p.id, '', 0, {DateTime.UtcNow} FROM collections c CROSS JOIN papers p WHERE p.id <> {extra}");
        }

        var before = (await collections.ListAsync(ada.Id, default)).Select(c => (c.Slug, c.PaperCount)).ToList();
        Assert.Equal(ReaderCollections.MaxSaves, before.Sum(c => c.PaperCount));
        var version = await VersionAsync(site, ada.Id);
        using var script = await site.SignedInBrowserAsync(ada);
        script.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        using var noScript = await site.SignedInBrowserAsync(ada);

        // As signals.js posts it: to "Saved" (which does not exist yet), to a new collection, to one of hers.
        using var toSaved = await Post(script, new() { ["id"] = extra, ["change"] = "save" });
        using var toNew = await Post(script, new() { ["id"] = extra, ["change"] = "save", ["newCollection"] = "One more" });
        using var toShelf = await Post(script, new() { ["id"] = extra, ["change"] = "save", ["collection"] = "shelf-1" });
        using var form = await Post(noScript, new() { ["id"] = extra, ["change"] = "save", ["collection"] = "shelf-1" });
        // Saving again a paper already saved is no new save: not refused.
        using var again = await Post(script, new() { ["id"] = PaperId(1), ["change"] = "save", ["collection"] = "shelf-1" });

        const string Message = "You have saved 10,000 papers, the most one reader can; remove some first.";
        foreach (var refused in new[] { toSaved, toNew, toShelf })
        {
            using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Equal((HttpStatusCode.Conflict, Message), (refused.StatusCode, json.RootElement.GetProperty("error").GetString()));
        }

        var page = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, form.StatusCode);
        Assert.Contains("Limit reached", page, StringComparison.Ordinal);
        Assert.Contains(Message, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var check = site.Store.Factory.CreateContext();
        Assert.Equal(ReaderCollections.MaxSaves, await check.SavedPapers.CountAsync());
        Assert.False(await check.SavedPapers.AnyAsync(s => s.PaperId == extra));
        Assert.Equal(before, (await collections.ListAsync(ada.Id, default)).Select(c => (c.Slug, c.PaperCount)));
        Assert.Equal(version, await VersionAsync(site, ada.Id));

        static Task<HttpResponseMessage> Post(HttpClient browser, Dictionary<string, string> fields) =>
            CommunitySite.PostFormAsync(browser, "/collections", "/for-you/signals?handler=Paper", fields);
    }

    /// <summary>
    /// Ada's private collection with a noted paper, a "not interested" mark, a pick, an author and a category followed,
    /// and her feed address; returns the collection's slug and the feed's token.
    /// </summary>
    private static async Task<(string Slug, string FeedToken)> GiveAdaEverythingAsync(CommunitySite site, Reader ada)
    {
        var services = site.App.Services;
        var collections = services.GetRequiredService<ReaderCollections>();
        var signals = services.GetRequiredService<ReaderSignals>();
        var follows = services.GetRequiredService<ReaderFollows>();
        var (created, _) = await collections.CreateAsync(ada.Id, CollectionName, isPublic: false, isSignal: true, default);
        Assert.True((await collections.SaveAsync(ada.Id, created!.Slug, ArxivId.Parse("2506.00001"), default)).Result.Succeeded);
        Assert.True((await collections.SetNoteAsync(ada.Id, created.Slug, ArxivId.Parse("2506.00001"), $"Remember {NoteMarker}", default)).Succeeded);
        Assert.True((await signals.SetDismissedAsync(ada.Id, ArxivId.Parse("2506.00002"), true, default)).Succeeded);
        Assert.True((await signals.SetPickedAsync(ada.Id, ArxivId.Parse("2506.00003"), true, default)).Succeeded);
        Assert.True((await follows.SetAsync(ada.Id, FollowKind.Author, Author, true, default)).Succeeded);
        Assert.True((await follows.SetAsync(ada.Id, FollowKind.Category, Category, true, default)).Succeeded);
        var token = await services.GetRequiredService<PersonalFeeds>().TokenAsync(ada.Id, reset: false, default);
        return (created.Slug, token!);
    }

    /// <summary>Ada herself sees every trace looked for: their absence for others means something.</summary>
    private static async Task SeeAdasOwnAsync(CommunitySite site, Reader ada, string slug, string feedToken)
    {
        using var browser = await site.SignedInBrowserAsync(ada);
        var list = await browser.GetStringAsync("/for-you");
        var day = await browser.GetStringAsync(DayPage);
        var collection = await browser.GetStringAsync($"/collections/{slug}");
        var export = await browser.GetStringAsync("/account?handler=Export");
        var setup = await browser.GetStringAsync("/for-you/setup");
        var feed = await site.App.Client.GetStringAsync(FeedPath(feedToken, "atom"));

        Assert.Contains("whom you follow", list, StringComparison.Ordinal);
        Assert.Contains("which you follow", list, StringComparison.Ordinal);
        Assert.Equal(ada.Id, await FeedReaderAsync(site, list));
        Assert.All(new[] { "value=\"unsave\"", "value=\"undismiss\"", CollectionName }, trace => Assert.Contains(trace, day, StringComparison.Ordinal));
        Assert.Contains(NoteMarker, collection, StringComparison.Ordinal);
        Assert.Contains(NoteMarker, export, StringComparison.Ordinal);
        Assert.All(new[] { Category, Author, "You have picked 1 paper" }, trace => Assert.Contains(trace, setup, StringComparison.Ordinal));
        Assert.DoesNotContain("2506.00002", feed, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends a request naming Ada's collection (<paramref name="send"/> is given the slug to name) and notes as a
    /// problem an outcome other than <paramref name="expected"/>, any trace of Ada's in the answer, and, when the
    /// request names her collection, any difference from the answer for a collection nobody has: existence must not leak.
    /// </summary>
    private static async Task ExpectAsync(Func<string, Task<HttpResponseMessage>> send, string slug, string what, string expected, List<string> problems)
    {
        using var answer = await send(slug);
        var body = await answer.Content.ReadAsStringAsync();
        if (Outcome(answer) != expected)
        {
            problems.Add($"{what}: expected {expected}, got {Outcome(answer)}");
        }

        foreach (var trace in Traces.Where(t => body.Contains(t, StringComparison.Ordinal)))
        {
            problems.Add($"{what}: the answer holds Ada's “{trace}”");
        }

        // Bob's own setup page: none of Ada's follows or picks.
        if (what.StartsWith("GET /for-you/setup", StringComparison.Ordinal) && new[] { Category, Author, "You have picked", "You follow" }.FirstOrDefault(t => body.Contains(t, StringComparison.Ordinal)) is { } follow)
        {
            problems.Add($"{what}: the answer holds Ada's “{follow}”");
        }

        if (what.Contains(slug, StringComparison.Ordinal))
        {
            using var unknown = await send(Unknown);
            var other = await unknown.Content.ReadAsStringAsync();
            if (Outcome(unknown) != Outcome(answer) || Normalized(other, Unknown) != Normalized(body, slug))
            {
                problems.Add($"{what}: answers otherwise than for a collection that does not exist ({Outcome(answer)}; {Outcome(unknown)} for “{Unknown}”)");
            }
        }
    }

    /// <summary>"200", "404", or "302 /path" for a redirect.</summary>
    private static string Outcome(HttpResponseMessage answer)
    {
        var code = ((int)answer.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (answer.Headers.Location is not { } location)
        {
            return code;
        }

        return $"{code} {(location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0])}";
    }

    /// <summary>A page with what differs from request to request (antiforgery tokens, script nonces) and the slug asked for taken out.</summary>
    private static string Normalized(string body, string slug) =>
        PerRequest().Replace(body, "").Replace(slug, "{slug}", StringComparison.Ordinal);

    [GeneratedRegex("(value|nonce)=\"[^\"]*\"")]
    private static partial Regex PerRequest();

    /// <summary>Whose list the feed offered on a /for-you page is (each page writes the address anew, so it is not compared as text).</summary>
    private static async Task<string?> FeedReaderAsync(CommunitySite site, string page)
    {
        var href = new HtmlParser().ParseDocument(page).QuerySelector("link[rel=alternate][href^='/feeds/for-you/']")?.GetAttribute("href");
        Assert.NotNull(href);
        var token = href["/feeds/for-you/".Length..href.LastIndexOf('.')];
        return await site.App.Services.GetRequiredService<PersonalFeeds>().ReaderOfAsync(token, default);
    }

    private static string Name(int client) => client switch { 0 => "Bob's cookie", 1 => "Bob's token", _ => "anonymous" };

    private static string FeedPath(string token, string format) => $"/feeds/for-you/{token}.{format}";

    private static string PaperId(int i) => $"2506.{i:00000}";

    /// <summary>A browser with its own cookies that does not follow redirects, sending the token (when given) as a Bearer.</summary>
    private static HttpClient Browser(CommunitySite site, string? token)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = site.App.BaseAddress };
        if (token is not null)
        {
            browser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return browser;
    }

    /// <summary>Everything of the reader's signals and collections, as one text to compare before and after.</summary>
    private static async Task<string> SignalsOfAsync(CommunitySite site, string userId)
    {
        var set = await site.App.Services.GetRequiredService<ReaderSignalReader>().ReadAsync(userId, default);
        await using var context = site.Store.Factory.CreateContext();
        var collections = await context.Collections.Where(c => c.UserId == userId).OrderBy(c => c.Id)
            .Select(c => $"{c.Name}|{c.Slug}|{c.IsPublic}|{c.IsSignal}").ToListAsync();
        var saved = await context.SavedPapers.Join(context.Collections.Where(c => c.UserId == userId), s => s.CollectionId, c => c.Id, (s, c) => s)
            .OrderBy(s => s.PaperId).Select(s => $"{s.PaperId}|{s.Note}|{s.Position}").ToListAsync();
        var secret = await context.Users.Where(u => u.Id == userId).Select(u => u.FeedSecret).SingleAsync();
        return string.Join("\n",
            $"version {set!.Version}, {set.Days} days, weight {set.PersonalWeight}, feed {secret}",
            "positives " + string.Join(", ", set.Positives.Select(p => $"{p.PaperId} {p.Source}")),
            "dismissed " + string.Join(", ", set.Dismissed.Order(StringComparer.Ordinal)),
            "follows " + string.Join(", ", set.Follows.Select(f => $"{f.Kind} {f.Label}")),
            "collections " + string.Join(", ", collections),
            "saved " + string.Join(", ", saved));
    }

    private static async Task<long> VersionAsync(CommunitySite site, string userId)
    {
        await using var context = site.Store.Factory.CreateContext();
        return await context.Users.Where(u => u.Id == userId).Select(u => u.SignalsVersion).SingleAsync();
    }

    private static async Task<CommunitySite> StartAsync(StoreProvider provider)
    {
        string[] titles = ["Saved paper", "Dismissed paper", "Picked paper", "Followed author's paper", "Followed category's paper", "Another paper"];
        var papers = titles.Select((title, i) =>
        {
            var item = SamplePapers.Item(PaperId(i + 1), title, categories: i == 4 ? Category : "cs.LG", listedOn: Day);
            // Their own authors: a paper by the authors of Ada's pick would be "by an author you liked" instead.
            return i is 3 or 4 ? item with { Paper = item.Paper with { Authors = [i == 3 ? Author : "Yusuf Orbit"] } } : item;
        });
        var site = await CommunitySite.StartAsync(provider, null, [.. papers]);
        await site.App.SearchReadyAsync();
        return site;
    }
}
