using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Signals;
using Microsoft.AspNetCore.Identity;

namespace DailyPapers.Cli;

/// <summary>
/// <c>bench for-you prepare|run</c>: the speed of a reader's <c>/for-you</c> page (issue 12: a reader with 500 signals,
/// 7 days of papers at 75k in the store, p50 ≤ 30 ms and p99 ≤ 100 ms including retraining). <c>prepare</c> fills the
/// store (<see cref="BenchForYouSetup"/>); <c>run</c> signs in to a running server as that reader and times the page,
/// one request at a time, in three kinds interleaved: nothing changed since the last request; the reader's signals
/// changed (a "not interested" set or undone in the store first: the model is retrained); the store changed (another
/// reader's vote through the API first: the week's candidates are read again). bench/for-you.sh runs both and the
/// 1,000 readers' digests.
/// </summary>
internal static partial class BenchForYouCommand
{
    public static Command Build()
    {
        var command = new Command("for-you", "The \"for you\" page's latency for a reader with 500 signals: prepare a store, then run against a server on it.");
        var readers = new Option<int>("--readers") { Description = "Readers who get the daily \"for you\" email", DefaultValueFactory = _ => 1000 };
        var signals = new Option<int>("--signals") { Description = "Signals of the measured reader", DefaultValueFactory = _ => 500 };
        var prepare = new Command("prepare", "Vectors for every paper, the measured reader and the digest readers, written into the store (--data or Database__*); prints what run needs as JSON.")
        {
            readers, signals,
        };
        prepare.SetAction((parse, ct) => PrepareAsync(parse.GetValue(readers), parse.GetValue(signals), parse.GetValue(CommandLine.Data), ct));

        var url = new Option<string>("--url") { Description = "The running server, e.g. http://127.0.0.1:5000", Required = true };
        var prepared = new Option<string>("--prepared") { Description = "The JSON that prepare printed", Required = true };
        var requests = new Option<int>("--requests") { Description = "Requests measured (a fifth after a signal change, a fifth after a vote)", DefaultValueFactory = _ => 1000 };
        var json = BenchCommand.JsonOption();
        var run = new Command("run", "Time /for-you for the prepared reader against a running server on the same store.") { url, prepared, requests, json };
        run.SetAction((parse, ct) => RunAsync(parse.GetValue(url)!, parse.GetValue(prepared)!, parse.GetValue(requests), parse.GetValue(json), parse.GetValue(CommandLine.Data), ct));
        command.Subcommands.Add(prepare);
        command.Subcommands.Add(run);
        return command;
    }

    private static async Task<int> PrepareAsync(int readers, int signals, string? dataOption, CancellationToken cancellationToken)
    {
        if (readers < 0 || signals < 10)
        {
            await Console.Error.WriteLineAsync("error: --readers must be 0 or more and --signals at least 10.");
            return BenchInput.Refused;
        }

        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        var made = await BenchForYouSetup.PrepareAsync(services, readers, signals, cancellationToken);
        if (made is null)
        {
            return BenchInput.Refused;
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(made));
        return 0;
    }

    private static async Task<int> RunAsync(string url, string preparedFile, int requests, bool json, string? dataOption, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseAddress) || requests < 10)
        {
            await Console.Error.WriteLineAsync("error: --url must be an http(s) address and --requests at least 10.");
            return BenchInput.Refused;
        }

        var prepared = JsonSerializer.Deserialize<BenchForYouPrepared>(await File.ReadAllTextAsync(preparedFile, cancellationToken))!;
        await using var services = CliServices.Create(dataOption);
        string userId;
        using (var scope = services.CreateScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>().FindByEmailAsync(prepared.Email))?.Id
                ?? throw new InvalidOperationException($"{prepared.Email} is not in this store: run bench for-you prepare on it first.");
        }

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        using var voter = new HttpClient { BaseAddress = baseAddress };
        voter.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", prepared.VoterToken);
        await SignInAsync(browser, prepared, cancellationToken);

        var signals = services.GetRequiredService<ReaderSignals>();
        var first = await GetForYouAsync(browser, cancellationToken);
        var ids = PaperIds().Matches(first.Html).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (ids.Count < 10)
        {
            await Console.Error.WriteLineAsync($"error: /for-you listed {ids.Count} papers for the prepared reader; expected a week of them.");
            return 1;
        }

        await Console.Error.WriteLineAsync("warming up (50 requests)…");
        for (var i = 0; i < 50; i++)
        {
            await GetForYouAsync(browser, cancellationToken);
        }

        var timings = new Dictionary<string, List<double>> { ["unchanged"] = [], ["signals changed"] = [], ["store changed"] = [] };
        var dismissed = false;
        var voted = false;
        await Console.Error.WriteLineAsync($"measuring {requests} requests…");
        for (var i = 0; i < requests; i++)
        {
            var kind = (i % 5) switch { 0 => "signals changed", 1 => "store changed", _ => "unchanged" };
            if (kind == "signals changed")
            {
                // The last card on the list, set and unset in turn: the signals version moves, the list barely does.
                dismissed = !dismissed;
                await signals.SetDismissedAsync(userId, ArxivId.Parse(ids[^1]), dismissed, cancellationToken);
            }
            else if (kind == "store changed")
            {
                voted = !voted;
                using var vote = await voter.SendAsync(new HttpRequestMessage(voted ? HttpMethod.Post : HttpMethod.Delete, $"api/papers/{ids[^2]}/upvote"), cancellationToken);
                vote.EnsureSuccessStatusCode();
            }

            timings[kind].Add((await GetForYouAsync(browser, cancellationToken)).Milliseconds);
        }

        var all = timings.Values.SelectMany(t => t).ToList();
        var report = new
        {
            url = baseAddress.ToString(),
            windowPapers = prepared.WindowPapers,
            readerSignals = prepared.ReaderSignals,
            vectors = prepared.Vectors,
            requests,
            kinds = timings.ToDictionary(t => t.Key, t => new { count = t.Value.Count, p50 = Math.Round(BenchStatistics.Percentile(t.Value, 0.5), 2), p99 = Math.Round(BenchStatistics.Percentile(t.Value, 0.99), 2) }),
            all = new { p50 = Math.Round(BenchStatistics.Percentile(all, 0.5), 2), p99 = Math.Round(BenchStatistics.Percentile(all, 0.99), 2) },
            targets = new { p50 = 30, p99 = 100 },
        };
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report));
        }
        else
        {
            Console.Out.WriteLine($"/for-you, {prepared.ReaderSignals} signals, {prepared.WindowPapers} papers in 7 days, {requests} requests (ms):");
            foreach (var (kind, values) in timings)
            {
                Console.Out.WriteLine($"  {kind,-16} n={values.Count,4}  p50 {BenchStatistics.Percentile(values, 0.5),7:0.00}  p99 {BenchStatistics.Percentile(values, 0.99),7:0.00}");
            }

            Console.Out.WriteLine($"  {"all",-16} n={all.Count,4}  p50 {BenchStatistics.Percentile(all, 0.5),7:0.00}  p99 {BenchStatistics.Percentile(all, 0.99),7:0.00}   (targets 30 / 100)");
        }

        return 0;
    }

    private static async Task SignInAsync(HttpClient browser, BenchForYouPrepared prepared, CancellationToken cancellationToken)
    {
        var form = await browser.GetStringAsync("account/signin", cancellationToken);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = prepared.Email,
            ["Password"] = prepared.Password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });
        using var response = await browser.PostAsync("account/signin", content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"signing in as {prepared.Email} answered {(int)response.StatusCode}, not a redirect.");
        }
    }

    private static async Task<(string Html, double Milliseconds)> GetForYouAsync(HttpClient browser, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await browser.GetAsync("for-you", cancellationToken);
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("paper-card", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"/for-you answered {(int)response.StatusCode} without a list.");
        }

        return (html, elapsed);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-paper=\"([^\"]+)\"")]
    private static partial Regex PaperIds();
}
