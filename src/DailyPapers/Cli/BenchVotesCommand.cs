using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>bench votes</c>: many readers upvoting the same papers at once, over HTTP against a running server, checking
/// that every count ends exactly right. It writes readers, tokens and votes into the store the server uses: run it
/// on a throwaway data folder or database, as <c>bench/votes-load.sh</c> does.
/// </summary>
internal static class BenchVotesCommand
{
    public static Command Build()
    {
        var url = new Option<string>("--url") { Description = "The running server, e.g. http://127.0.0.1:5000", Required = true };
        var clients = new Option<int>("--clients") { Description = "Concurrent readers, one connection each", DefaultValueFactory = _ => 200 };
        var votes = new Option<int>("--votes") { Description = "Votes per reader: one on each of this many listed papers", DefaultValueFactory = _ => 50 };
        var json = BenchCommand.JsonOption();
        var command = new Command(
            "votes",
            "Concurrent upvotes over HTTP against a running server (--url; same --data or Database__* as the server): throughput, latency, exact counts. Writes to its store.")
        {
            url, clients, votes, json,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(url)!, parse.GetValue(clients), parse.GetValue(votes), parse.GetValue(json), parse.GetValue(CommandLine.Data), ct));
        return command;
    }

    private static async Task<int> RunAsync(string url, int clientCount, int votes, bool json, string? dataOption, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"error: --url {url} is not an http(s) address.");
            return BenchInput.Refused;
        }

        if (clientCount < 2 || votes < 1)
        {
            await Console.Error.WriteLineAsync("error: --clients must be at least 2 and --votes at least 1.");
            return BenchInput.Refused;
        }

        // Asked before the store is touched: readers created for a server that is not there would only be litter.
        if (await ServerProblemAsync(baseAddress, cancellationToken) is { } problem)
        {
            await Console.Error.WriteLineAsync($"error: {baseAddress}: {problem}; bench votes needs a running server there, on the same store (bench/votes-load.sh starts one).");
            return BenchInput.Refused;
        }

        var prepared = Stopwatch.GetTimestamp();
        string[] tokens;
        List<string> papers;
        await using (var services = await CliServices.StartAsync(dataOption, cancellationToken))
        {
            papers = await ListedPapersAsync(services, votes + 1, cancellationToken);
            if (papers.Count <= votes)
            {
                await Console.Error.WriteLineAsync($"error: the store lists {papers.Count} visible papers; --votes {votes} needs {votes + 1} (one for the warm-up). Import more days.");
                return BenchInput.Refused;
            }

            await Console.Error.WriteLineAsync($"creating {clientCount} readers with tokens in the store…");
            tokens = await CreateReadersAsync(services, clientCount, cancellationToken);
        }

        var prepareSeconds = Stopwatch.GetElapsedTime(prepared).TotalSeconds;
        var spare = papers[^1];
        papers.RemoveAt(papers.Count - 1);

        using var reader = Client(baseAddress, token: null);
        var readers = tokens.Select(t => Client(baseAddress, t)).ToArray();
        try
        {
            var problems = new List<string>();
            await Console.Error.WriteLineAsync("warming up: each client signs in (GET /api/whoami), casts and takes back one vote on a spare paper…");
            var spareBefore = await CountsAsync(reader, [spare], cancellationToken);
            var warmUp = await Task.WhenAll(readers.Select(async client => new[]
            {
                await SendAsync(client, HttpMethod.Get, "api/whoami", cancellationToken),
                await SendAsync(client, HttpMethod.Post, $"api/papers/{spare}/upvote", cancellationToken),
                await SendAsync(client, HttpMethod.Delete, $"api/papers/{spare}/upvote", cancellationToken),
            }));
            var warmUpFailures = warmUp.SelectMany(w => w).Where(a => a.Status != "200").ToList();
            if (warmUpFailures.Count > 0 || (await CountsAsync(reader, [spare], cancellationToken))[spare] != spareBefore[spare])
            {
                await Console.Error.WriteLineAsync($"error: the warm-up failed: {string.Join("; ", warmUpFailures.Take(5).Select(f => f.Status + " " + f.Detail))}");
                return 1;
            }

            var before = await CountsAsync(reader, papers, cancellationToken);
            var half = clientCount / 2;
            await Console.Error.WriteLineAsync($"cast: {clientCount} clients × {papers.Count} votes…");
            var cast = await RunPhaseAsync(readers, papers, _ => HttpMethod.Post, seed: 1, cancellationToken);
            var afterCast = await CountsAsync(reader, papers, cancellationToken);
            var castReport = BenchVotesOutput.Check(
                "cast",
                $"all {clientCount} readers upvote each of the {papers.Count} papers once, concurrently; each paper gains {clientCount}",
                cast,
                papers,
                expected: p => before[p] + clientCount,
                afterCast,
                // Votes on one paper queue on the store's lock: its answers are before+1 … before+clients, each once.
                answers: p => (HttpMethod.Post, before[p] + 1, before[p] + clientCount),
                problems);

            await Console.Error.WriteLineAsync($"take back: {half} clients take their votes back while {clientCount - half} cast theirs again…");
            var takeBack = await RunPhaseAsync(readers, papers, i => i < half ? HttpMethod.Delete : HttpMethod.Post, seed: 2, cancellationToken);
            var afterTakeBack = await CountsAsync(reader, papers, cancellationToken);
            var takeBackReport = BenchVotesOutput.Check(
                "take back",
                $"{half} readers take back all their votes while the other {clientCount - half} cast theirs again (no change); each paper loses {half}",
                takeBack,
                papers,
                expected: p => before[p] + clientCount - half,
                afterTakeBack,
                answers: p => (HttpMethod.Delete, before[p] + clientCount - half, before[p] + clientCount - 1),
                problems);

            var report = new BenchVotesOutput.Report(
                baseAddress.ToString(), clientCount, papers.Count, prepareSeconds, [castReport, takeBackReport], BenchVotesOutput.Capped(problems));
            if (json)
            {
                Console.Out.WriteLine(BenchVotesOutput.Json(report));
            }
            else
            {
                BenchVotesOutput.Write(AnsiConsole.Console, report);
            }

            return report.Passed ? 0 : 1;
        }
        finally
        {
            foreach (var client in readers)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Null if the server answers the daily list; otherwise why not, in a few words.</summary>
    private static async Task<string?> ServerProblemAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var client = Client(baseAddress, token: null);
        // A server that is there answers at once; an address that drops packets must not hold the refusal for minutes.
        client.Timeout = TimeSpan.FromSeconds(10);
        try
        {
            using var response = await client.GetAsync("api/daily_papers", cancellationToken);
            return response.IsSuccessStatusCode ? null : $"GET api/daily_papers answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ex.Message;
        }
    }

    /// <summary>Papers that are listed and visible, so that they can be voted on; ordered by id for repeatable runs.</summary>
    private static async Task<List<string>> ListedPapersAsync(ServiceProvider services, int count, CancellationToken cancellationToken)
    {
        await using var context = services.GetRequiredService<StoreContextFactory>().CreateContext();
        return await context.Papers.AsNoTracking()
            .Where(p => !p.IsHidden && !p.IsDeleted && context.Listings.Any(l => l.PaperId == p.Id))
            .OrderBy(p => p.Id)
            .Select(p => p.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    /// <summary>New readers (emails unique to this run) and a token each, made in-process as <c>user create</c> and <c>user token</c> make them.</summary>
    private static async Task<string[]> CreateReadersAsync(ServiceProvider services, int count, CancellationToken cancellationToken)
    {
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var tokens = new string[count];
        var accessTokens = services.GetRequiredService<AccessTokens>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, count, parallel, async (i, ct) =>
        {
            using var scope = services.CreateScope();
            var email = $"bench-{run}-{i:000}@bench.invalid";
            var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var (account, result) = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync(email, password, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"cannot create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }

            tokens[i] = await accessTokens.CreateAsync(account.Id, "bench votes", ct);
        });
        return tokens;
    }

    /// <summary>A client with one connection of its own, as a separate reader's browser or script would have.</summary>
    private static HttpClient Client(Uri baseAddress, string? token)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Each paper's upvotes (imported plus local) as <c>GET /api/papers/{id}</c> shows them.</summary>
    private static async Task<Dictionary<string, int>> CountsAsync(HttpClient client, IReadOnlyList<string> papers, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paper in papers)
        {
            using var response = await client.GetAsync($"api/papers/{paper}", cancellationToken);
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            counts[paper] = body.RootElement.GetProperty("upvotes").GetInt32();
        }

        return counts;
    }

    /// <summary>All clients at once, each sending its requests one after another (a fixed-seed order per client).</summary>
    private static async Task<(BenchVotesOutput.Answer[] Answers, double Seconds)> RunPhaseAsync(
        HttpClient[] clients, IReadOnlyList<string> papers, Func<int, HttpMethod> methodOf, int seed, CancellationToken cancellationToken)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var perClient = clients.Select((client, i) => Task.Run(
            async () =>
            {
                await go.Task;
                var order = papers.ToArray();
                new Random(seed * 100_003 + i).Shuffle(order);
                var answers = new BenchVotesOutput.Answer[order.Length];
                for (var n = 0; n < order.Length; n++)
                {
                    answers[n] = await SendAsync(client, methodOf(i), $"api/papers/{order[n]}/upvote", cancellationToken) with { Paper = order[n] };
                }

                return answers;
            },
            cancellationToken)).ToArray();
        var started = Stopwatch.GetTimestamp();
        go.SetResult();
        var all = await Task.WhenAll(perClient);
        return ([.. all.SelectMany(a => a)], Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task<BenchVotesOutput.Answer> SendAsync(HttpClient client, HttpMethod method, string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = new HttpRequestMessage(method, path);
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (!response.IsSuccessStatusCode || method == HttpMethod.Get)
            {
                return new BenchVotesOutput.Answer(method, "", status, ms, null, null, response.IsSuccessStatusCode ? null : body[..Math.Min(body.Length, 300)]);
            }

            using var json = JsonDocument.Parse(body);
            return new BenchVotesOutput.Answer(method, "", status, ms, json.RootElement.GetProperty("upvotes").GetInt32(), json.RootElement.GetProperty("voted").GetBoolean(), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or KeyNotFoundException
                                       || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new BenchVotesOutput.Answer(method, "", "error: " + ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, null, ex.Message);
        }
    }
}
