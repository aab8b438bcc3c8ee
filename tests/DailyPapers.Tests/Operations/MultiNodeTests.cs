using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Operations;

/// <summary>
/// Two nodes on one PostgreSQL store behind nginx with deploy/nginx's configuration (issue 13 §2): a reader signed in
/// through one node is signed in on the other, votes through nginx land exactly (also 200 readers at once, by the vote
/// bench), a paper written elsewhere is
/// searchable on both within 5 seconds, and nginx keeps /metrics from the public.
/// </summary>
public sealed partial class MultiNodeTests
{
    private static readonly DateOnly Day = new(2025, 6, 10);

    [Fact]
    public async Task Two_nodes_behind_nginx_share_sign_in_votes_and_new_papers()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Postgres);
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [.. Enumerable.Range(1, 10).Select(i => SamplePapers.Item($"2506.{i:00000}", $"Shared paper {i}", listedOn: Day))], CancellationToken.None);
        var created = await CliProcess.RunWithInputAsync(store.Settings, "correct horse battery\n", "user", "create", "ada@example.org", "--password-stdin");
        Assert.True(created.ExitCode == 0, created.Output);
        var (tokenExit, tokenOutput) = await CliProcess.RunAsync(store.Settings, "user", "token", "ada@example.org");
        Assert.Equal(0, tokenExit);
        var token = ApiToken().Match(tokenOutput).Value;

        var ports = new[] { TestData.FreePort(), TestData.FreePort() };
        var nodes = ports.Select(port => StartNode(store, port)).ToList();
        var folder = TestData.NewTempDir("dp-nginx");
        Process? nginx = null;
        try
        {
            foreach (var (port, node) in ports.Zip(nodes))
            {
                await WaitAsync($"http://127.0.0.1:{port}/readyz", node);
            }

            var front = TestData.FreePort();
            nginx = StartNginx(folder, front, ports);
            await WaitAsync($"http://127.0.0.1:{front}/readyz", nginx);

            // Signed in on node A; the same cookie is signed in on node B (the nodes share the store's keys).
            var cookies = new CookieContainer();
            using var nodeA = Browser(ports[0], cookies);
            using var nodeB = Browser(ports[1], cookies);
            using (var signIn = await CommunitySite.PostFormAsync(nodeA, "/account/signin", "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = "correct horse battery" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            }

            using var onB = await nodeB.GetAsync("/account");
            Assert.Equal(HttpStatusCode.OK, onB.StatusCode);
            Assert.Contains("Signed in as <strong>ada@example.org</strong>", await onB.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // Votes through nginx, spread over both nodes: each lands once, and both nodes answer the same counts.
            using var viaNginx = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{front}") };
            viaNginx.DefaultRequestHeaders.Authorization = new("Bearer", token);
            var votes = await Task.WhenAll(Enumerable.Range(1, 10).Select(async i =>
            {
                using var response = await viaNginx.PostAsync($"/api/papers/2506.{i:00000}/upvote", null);
                return response.StatusCode;
            }));
            Assert.All(votes, status => Assert.Equal(HttpStatusCode.OK, status));
            foreach (var port in ports)
            {
                using var day = JsonDocument.Parse(await new HttpClient().GetStringAsync($"http://127.0.0.1:{port}/api/daily_papers?date=2025-06-10&limit=50"));
                Assert.All(day.RootElement.EnumerateArray(), item => Assert.Equal(1, item.GetProperty("paper").GetProperty("upvotes").GetInt32()));
            }

            // A paper written by another writer (an import, a third node) is searchable on both nodes within 5 s.
            await new PaperWriter(new StoreContextFactory(store.Options, store.DataDirectory), TimeProvider.System).WriteAsync(
                [SamplePapers.Item("2506.00099", "Quokka gradient estimators", listedOn: Day)], CancellationToken.None);
            var written = Stopwatch.StartNew();
            foreach (var port in ports)
            {
                await FoundWithinAsync(port, "quokka", TimeSpan.FromSeconds(5) - written.Elapsed);
            }

            Assert.True(written.Elapsed < TimeSpan.FromSeconds(5), $"searchable on both after {written.Elapsed}");

            // The vote bench through nginx: 200 readers, each on its own connection, spread over both nodes; it exits 0
            // only if every answer was 200 and every count ends exact (cast, then half taken back).
            var (benchExit, benchOutput) = await CliProcess.RunAsync(
                store.Settings, "bench", "votes", "--url", $"http://127.0.0.1:{front}", "--clients", "200", "--votes", "5");
            Assert.True(benchExit == 0, benchOutput);

            using var metricsPublic = await viaNginx.GetAsync("/metrics");
            using var metricsNode = await new HttpClient().GetAsync($"http://127.0.0.1:{ports[1]}/metrics");
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (metricsPublic.StatusCode, metricsNode.StatusCode));
        }
        finally
        {
            await CliProcess.StopAllAsync(nodes.Append(nginx));
        }
    }

    private static Process StartNode(TestStore store, int port)
    {
        var settings = new Dictionary<string, string?>(store.Settings)
        {
            ["DataDirectory"] = TestData.NewTempDir($"dp-node-{port}"),
            ["Digests:Enabled"] = "false",
            ["Search:Embeddings:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // The vote bench's 200 readers come from one address and vote at once.
            ["Web:VotesPerMinute"] = "100000",
            ["Web:ReadersPerAddress"] = "1000",
        };
        return CliProcess.Start(settings, "serve", "--urls", $"http://127.0.0.1:{port}");
    }

    /// <summary>nginx in the foreground with the repo's configuration, its ports and paths replaced for the test.</summary>
    private static Process StartNginx(string folder, int listen, int[] nodes)
    {
        var deploy = Path.Combine(TestData.RepoRoot, "deploy", "nginx");
        var site = File.ReadAllText(Path.Combine(deploy, "dailypapers.conf"))
            .Replace("127.0.0.1:5001", $"127.0.0.1:{nodes[0]}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5002", $"127.0.0.1:{nodes[1]}", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{listen};", StringComparison.Ordinal)
            .Replace("/etc/nginx/dailypapers_proxy.conf", Path.Combine(deploy, "dailypapers_proxy.conf"), StringComparison.Ordinal)
            // Here one address (loopback) stands for the bench's 200 readers, not one reader.
            // (nginx counts a burst within one millisecond whatever the rate, so the burst is raised too).
            .Replace("rate=5r/s", "rate=100000r/s", StringComparison.Ordinal)
            .Replace("burst=20", "burst=1000", StringComparison.Ordinal);
        Assert.Contains("rate=100000r/s", site, StringComparison.Ordinal);
        Assert.Contains("burst=1000", site, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "dailypapers.conf"), site);
        var user = Environment.UserName == "root" ? "user root;\n" : "";
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), $$"""
            {{user}}daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/dailypapers.conf;
            }
            """);
        var info = new ProcessStartInfo("/usr/sbin/nginx") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", Path.Combine(folder, "nginx.conf"), "-p", folder, "-e", Path.Combine(folder, "error.log") })
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info)!;
    }

    private static HttpClient Browser(int port, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

    private static async Task WaitAsync(string url, Process process)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, $"{url}: the process exited: {(process.HasExited ? await process.StandardError.ReadToEndAsync() : "")}");
            try
            {
                using var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{url} did not answer 200 within a minute");
    }

    private static async Task FoundWithinAsync(int port, string query, TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var started = Stopwatch.StartNew();
        do
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/papers/search?q={query}"));
            if (json.RootElement.GetArrayLength() > 0)
            {
                return;
            }

            await Task.Delay(100);
        }
        while (started.Elapsed < limit);

        Assert.Fail($"\"{query}\" was not found on the node at {port} in time");
    }


    [GeneratedRegex(@"dp_[A-Za-z0-9_\-]+")]
    private static partial Regex ApiToken();
}
