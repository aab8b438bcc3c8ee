using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DailyPapers.Api;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>bench cursor</c>: walks every paper of a running server through <c>GET /api/papers?limit=…</c>, following the
/// <c>Link: &lt;…&gt;; rel="next"</c> header until a page has none, one request at a time as a client script would,
/// timing each page. A cursor, unlike an offset, should make the last page cost what the first does: the report sets
/// the first pages against the last. Checks that every paper comes exactly once. It only reads: bench/cursor-walk.sh
/// imports the papers and starts the server.
/// </summary>
internal static class BenchCursorCommand
{
    /// <summary>How many pages at each end of the walk are compared.</summary>
    private const int Edge = 10;

    private const int MaxProblems = 20;

    public sealed record Report(
        string Url,
        int Limit,
        int Pages,
        int Papers,
        int Distinct,
        long? Expected,
        long Bytes,
        double Seconds,
        IReadOnlyList<double> PageMilliseconds,
        IReadOnlyList<string> Problems)
    {
        public bool Passed => Problems.Count == 0;
    }

    public static Command Build()
    {
        var url = new Option<string>("--url") { Description = "The running server, e.g. http://127.0.0.1:5000", Required = true };
        var limit = new Option<int>("--limit") { Description = $"Papers per page (1 to {DailyPapersApi.MaxLimit})", DefaultValueFactory = _ => DailyPapersApi.MaxLimit };
        var expect = new Option<long?>("--expect") { Description = "The number of papers the walk must see (e.g. the 74,728 of an arxiv-cs import)" };
        var json = BenchCommand.JsonOption();
        var command = new Command(
            "cursor",
            "Walk every paper of a running server (--url) through /api/papers, following the rel=\"next\" links: total time, per-page p50/p99, first pages against the last, each paper once.")
        {
            url, limit, expect, json,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(url)!, parse.GetValue(limit), parse.GetValue(expect), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(string url, int limit, long? expected, bool json, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"error: --url {url} is not an http(s) address.");
            return BenchInput.Refused;
        }

        if (limit is < 1 or > DailyPapersApi.MaxLimit)
        {
            await Console.Error.WriteLineAsync($"error: --limit must be from 1 to {DailyPapersApi.MaxLimit}, as the API takes it.");
            return BenchInput.Refused;
        }

        // One connection, kept: the walk measures the server's pages, not connection set-up.
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(2),
        };
        if (await ServerProblemAsync(client, cancellationToken) is { } problem)
        {
            await Console.Error.WriteLineAsync($"error: {baseAddress}: {problem}; bench cursor needs a running server there (bench/cursor-walk.sh starts one).");
            return BenchInput.Refused;
        }

        await Console.Error.WriteLineAsync($"walking {baseAddress}api/papers?limit={limit} …");
        var report = await WalkAsync(client, baseAddress, limit, expected, cancellationToken);
        if (json)
        {
            Console.Out.WriteLine(Json(report));
        }
        else
        {
            Write(AnsiConsole.Console, report);
        }

        return report.Passed ? 0 : 1;
    }

    /// <summary>Null if the server answers the first page; otherwise why not, in a few words.</summary>
    private static async Task<string?> ServerProblemAsync(HttpClient client, CancellationToken cancellationToken)
    {
        // A server that is there answers at once; an address that drops packets must not hold the refusal for minutes.
        using var soon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        soon.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            using var response = await client.GetAsync("api/papers?limit=1", soon.Token);
            return response.IsSuccessStatusCode ? null : $"GET api/papers answered {(int)response.StatusCode}";
        }
        catch (HttpRequestException ex)
        {
            return ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "no answer within 10 s";
        }
    }

    private static async Task<Report> WalkAsync(HttpClient client, Uri baseAddress, int limit, long? expected, CancellationToken cancellationToken)
    {
        var milliseconds = new List<double>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var cursors = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var papers = 0;
        long bytes = 0;
        Uri? next = new(baseAddress, $"api/papers?limit={limit.ToString(CultureInfo.InvariantCulture)}");
        var started = Stopwatch.GetTimestamp();
        while (next is not null)
        {
            var page = milliseconds.Count + 1;
            HttpResponseMessage? response = null;
            byte[] body;
            var sent = Stopwatch.GetTimestamp();
            try
            {
                response = await client.GetAsync(next, cancellationToken);
                body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                response?.Dispose();
                problems.Add($"page {page}: {ex.Message}");
                break;
            }

            milliseconds.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    problems.Add($"page {page} ({next.PathAndQuery}) answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)))}");
                    break;
                }

                bytes += body.Length;
                if (Ids(body) is not { } ids)
                {
                    problems.Add($"page {page} ({next.PathAndQuery}): not a JSON array of papers with ids");
                    break;
                }

                papers += ids.Count;
                foreach (var id in ids.Where(id => !seen.Add(id)).Take(MaxProblems))
                {
                    problems.Add($"page {page}: {id} came before");
                }

                next = NextLink(response.Headers);
                if (next is not null && (ids.Count == 0 || !cursors.Add(next.Query)))
                {
                    problems.Add($"page {page}: {(ids.Count == 0 ? "an empty page with a next link" : "a next link given before")} ({next.PathAndQuery}); stopped");
                    break;
                }
            }
        }

        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (expected is { } count && papers != count)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the walk saw {papers:N0} papers ({seen.Count:N0} distinct); expected {count:N0}"));
        }

        if (problems.Count > MaxProblems)
        {
            problems = [.. problems.Take(MaxProblems), $"… and {problems.Count - MaxProblems} more"];
        }

        return new Report(baseAddress.ToString(), limit, milliseconds.Count, papers, seen.Count, expected, bytes, seconds, milliseconds, problems);
    }

    /// <summary>The papers' ids in a page, or null when the page is not an array of objects with an id.</summary>
    private static List<string>? Ids(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return [.. json.RootElement.EnumerateArray().Select(paper => paper.GetProperty("id").GetString() ?? "")];
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The address in <c>Link: &lt;…&gt;; rel="next"</c>, or null on the last page.</summary>
    private static Uri? NextLink(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            if (parts[0] is ['<', .. var address, '>'] && parts.Skip(1).Any(p => p.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                return new Uri(address, UriKind.Absolute);
            }
        }

        return null;
    }

    /// <summary>The median page time of the first and of the last <see cref="Edge"/> pages.</summary>
    private static (double First, double Last) Edges(IReadOnlyList<double> pages) =>
        (Median(pages.Take(Edge)), Median(pages.Skip(Math.Max(0, pages.Count - Edge))));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Json(Report report)
    {
        var (first, last) = Edges(report.PageMilliseconds);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("bench", "cursor");
            json.WriteString("url", report.Url);
            json.WriteNumber("limit", report.Limit);
            json.WriteNumber("cores", Environment.ProcessorCount);
            json.WriteNumber("pages", report.Pages);
            json.WriteNumber("papers", report.Papers);
            json.WriteNumber("distinct", report.Distinct);
            if (report.Expected is { } expected)
            {
                json.WriteNumber("expected", expected);
            }

            json.WriteNumber("bytes", report.Bytes);
            json.WriteNumber("seconds", Math.Round(report.Seconds, 3));
            json.WriteNumber("papers_per_second", Math.Round(report.Papers / report.Seconds, 1));
            json.WriteNumber("p50", Math.Round(BenchStatistics.Percentile(report.PageMilliseconds, 0.50), 3));
            json.WriteNumber("p90", Math.Round(BenchStatistics.Percentile(report.PageMilliseconds, 0.90), 3));
            json.WriteNumber("p99", Math.Round(BenchStatistics.Percentile(report.PageMilliseconds, 0.99), 3));
            json.WriteNumber("max", Math.Round(BenchStatistics.Percentile(report.PageMilliseconds, 1), 3));
            json.WriteNumber("first_pages_median", Math.Round(first, 3));
            json.WriteNumber("last_pages_median", Math.Round(last, 3));
            json.WriteNumber("edge_pages", Edge);
            json.WriteStartArray("problems");
            foreach (var problem in report.Problems)
            {
                json.WriteStringValue(problem);
            }

            json.WriteEndArray();
            json.WriteBoolean("pass", report.Passed);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(IAnsiConsole console, Report report)
    {
        var (first, last) = Edges(report.PageMilliseconds);
        string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + " ms";
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        table.AddRow("pages", report.Pages.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("papers (distinct)", string.Create(CultureInfo.InvariantCulture, $"{report.Papers:N0} ({report.Distinct:N0})"));
        table.AddRow("bytes", report.Bytes.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("total", string.Create(CultureInfo.InvariantCulture, $"{report.Seconds:0.00} s ({report.Papers / report.Seconds:N0} papers/s)"));
        table.AddRow("page p50 / p90 / p99", $"{Ms(BenchStatistics.Percentile(report.PageMilliseconds, 0.5))} / {Ms(BenchStatistics.Percentile(report.PageMilliseconds, 0.9))} / {Ms(BenchStatistics.Percentile(report.PageMilliseconds, 0.99))}");
        table.AddRow("page max", Ms(BenchStatistics.Percentile(report.PageMilliseconds, 1)));
        table.AddRow($"first {Edge} pages, median", Ms(first));
        table.AddRow($"last {Edge} pages, median", Ms(last));
        console.WriteLine($"{report.Url}api/papers?limit={report.Limit}, following rel=\"next\" · {Environment.ProcessorCount} cores (shared by server and client)");
        console.Write(table);
        if (report.Passed)
        {
            console.MarkupLine($"[green]PASS[/]: every page answered 200, every paper once{(report.Expected is { } n ? string.Create(CultureInfo.InvariantCulture, $", {n:N0} as expected") : "")}.");
            return;
        }

        console.MarkupLine($"[red]FAIL[/]: {report.Problems.Count} problem(s):");
        foreach (var problem in report.Problems)
        {
            console.WriteLine("  " + problem);
        }
    }
}
