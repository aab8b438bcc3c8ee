using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Community;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DailyPapers.Tests.Operations;

/// <summary>
/// <c>dailypapers store copy</c> (issue: moving from SQLite to PostgreSQL): a store of the committed HF days with
/// readers, votes, comments, a submission, subscriptions and outbox rows answers the API identically on PostgreSQL,
/// with readers still signed in and tokens valid; a copy killed half-way finishes when run again; a database with
/// rows is refused unless told --append; a target that cannot be reached is one line.
/// </summary>
public sealed class StoreCopyTests
{
    private const string Voted = "2506.08007";
    private const string Fresh = "2511.00001";

    [Fact]
    public async Task A_copied_store_answers_as_before_with_readers_signed_in_and_takes_new_votes_and_comments()
    {
        await using var sqlite = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var import = await CliProcess.RunApartAsync(sqlite.Settings, "import", "hf-daily", HfDaysFixture.Folder);
        Assert.True(import.ExitCode == 0, import.Error);
        var (token, cookies) = await AddCommunityAsync(sqlite);

        Dictionary<string, string> before;
        using (var node = await Node.StartAsync(sqlite.Settings))
        {
            before = await node.AnswersAsync(token, cookies, until: null);
        }

        await using var postgres = await TestStore.CreateAsync(StoreProvider.Postgres, migrate: false);
        var copy = await CliProcess.RunApartAsync(sqlite.Settings, "store", "copy", "--to", postgres.Options.ConnectionString!);
        Assert.True(copy.ExitCode == 0, copy.Output + copy.Error);
        Assert.Contains("Copied and verified", copy.Output, StringComparison.Ordinal);

        var onPostgres = new Dictionary<string, string?>(postgres.Settings) { ["DataDirectory"] = TestData.NewTempDir("dp-copied-node") };
        using var pgNode = await Node.StartAsync(onPostgres);
        // A new node builds its search index from the copied change sequence; the answers agree once it has.
        var after = await pgNode.AnswersAsync(token, cookies, until: before);
        Assert.Equal(before, after);
        Assert.Contains("Signed in as <strong>ada@example.org</strong>", before["/account"], StringComparison.Ordinal);

        // New rows on PostgreSQL get new ids: the sequences were moved past the copied ones.
        using var vote = await pgNode.SendAsync(HttpMethod.Post, "/api/papers/2506.07900/upvote", token);
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        using var comment = await pgNode.SendAsync(HttpMethod.Post, $"/api/papers/{Voted}/comments", token, new { body = "Still here after the move" });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        using var posted = JsonDocument.Parse(await comment.Content.ReadAsStringAsync());
        Assert.Equal(3, posted.RootElement.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_copy_killed_half_way_finishes_when_run_again_with_every_row_once()
    {
        await using var sqlite = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var day = new DateOnly(2025, 6, 10);
        await new PaperWriter(sqlite.Factory, TimeProvider.System).WriteAsync(
            [.. Enumerable.Range(1, 600).Select(i => SamplePapers.Item($"2506.{i:00000}", $"Paper number {i}", listedOn: day))], CancellationToken.None);
        await using var postgres = await TestStore.CreateAsync(StoreProvider.Postgres, migrate: false);
        var to = postgres.Options.ConnectionString!;

        // Killed (SIGKILL, by a hidden hook of the verb) half-way through writing its 13th batch of 10 rows, of papers (the
        // first table with rows here).
        var killed = await CliProcess.RunApartAsync(sqlite.Settings, "store", "copy", "--to", to, "--batch-size", "10", "--kill-in-batch", "13");
        Assert.Equal(137, killed.ExitCode);

        // Whole batches only: the 12 committed, nothing of the 13th.
        Assert.Equal((120L, 120L), (await CountAsync(to, "papers"), await CopiedAsync(to, "papers")));

        var rerun = await CliProcess.RunApartAsync(sqlite.Settings, "store", "copy", "--to", to);
        Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
        Assert.Contains("Continuing the copy of SQLite", rerun.Output, StringComparison.Ordinal);
        Assert.Matches(@"papers: 600 rows, \d+ of them in this run", rerun.Output);
        Assert.Matches(@"\npapers\s+600\s+600\s+[0-9a-f]{32}\s+same", rerun.Output);
        Assert.Equal(600, await CountAsync(to, "papers"));
        Assert.Equal(600, await CountAsync(to, "listings"));
        await using var source = sqlite.Factory.CreateContext();
        await using var target = postgres.Factory.CreateContext();
        Assert.Equal(
            await source.Counters.OrderBy(c => c.Name).Select(c => c.Name + "=" + c.Value).ToListAsync(),
            await target.Counters.OrderBy(c => c.Name).Select(c => c.Name + "=" + c.Value).ToListAsync());
        Assert.Equal(0, await CountAsync(to, "pg_tables WHERE tablename = 'store_copy_progress'"));
    }

    [Fact]
    public async Task A_database_with_rows_is_refused_without_append_and_nothing_is_written()
    {
        await using var sqlite = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await new PaperWriter(sqlite.Factory, TimeProvider.System).WriteAsync([SamplePapers.Item("2506.00001", "From SQLite")], CancellationToken.None);
        await using var postgres = await TestStore.CreateAsync(StoreProvider.Postgres);
        await new PaperWriter(postgres.Factory, TimeProvider.System).WriteAsync([SamplePapers.Item("2506.00002", "Already on PostgreSQL")], CancellationToken.None);

        var copy = await CliProcess.RunApartAsync(sqlite.Settings, "store", "copy", "--to", postgres.Options.ConnectionString!);

        Assert.Equal(1, copy.ExitCode);
        Assert.Equal(
            $"error: database {postgres.Options.ConnectionString!.Split("Database=")[1].Split(';')[0]} is not empty (1 rows in papers); use --append to add to it. Nothing was written.",
            copy.Error.Trim());
        Assert.Equal(1, await CountAsync(postgres.Options.ConnectionString!, "papers"));
        Assert.Equal(0, await CountAsync(postgres.Options.ConnectionString!, "pg_tables WHERE tablename = 'store_copy_progress'"));
    }

    [Fact]
    public async Task Append_adds_to_a_database_with_rows_and_stops_at_a_key_it_has_already()
    {
        await using var sqlite = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await new PaperWriter(sqlite.Factory, TimeProvider.System).WriteAsync([SamplePapers.Item("2506.00001", "From SQLite")], CancellationToken.None);
        await using var postgres = await TestStore.CreateAsync(StoreProvider.Postgres);
        var writer = new PaperWriter(postgres.Factory, TimeProvider.System);
        await writer.WriteAsync([SamplePapers.Item("2506.00002", "Already on PostgreSQL"), SamplePapers.Item("2506.00003", "Also there")], CancellationToken.None);
        var to = postgres.Options.ConnectionString!;

        var appended = await CliProcess.RunApartAsync(sqlite.Settings, "store", "copy", "--to", to, "--append");
        var again = await CliProcess.RunApartAsync(sqlite.Settings, "store", "copy", "--to", to, "--append");

        Assert.True(appended.ExitCode == 0, appended.Output + appended.Error);
        Assert.Matches(@"\npapers\s+1\s+1\s+[0-9a-f]{32}\s+same", appended.Output);
        Assert.Matches(@"\nstore_counters\s+2\s+2\s+[0-9a-f]{32}\s+merged", appended.Output);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(
            "error: papers: the target has this row already (Key (id)=(2506.00001) already exists); --append adds rows and never replaces one. " +
            "The batch that met it was not written; 0 row(s) of papers copied before it are kept.",
            again.Error.Trim());
        Assert.Equal(3, await CountAsync(to, "papers"));
        await using var target = postgres.Factory.CreateContext();
        Assert.Equal(2, await target.Counters.Where(c => c.Name == StoreCounterEntity.PaperChanges).Select(c => c.Value).SingleAsync());
    }

    [Fact]
    public async Task A_target_that_cannot_be_reached_is_one_line_and_exit_code_1()
    {
        await using var sqlite = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var port = TestData.FreePort();

        var copy = await CliProcess.RunApartAsync(sqlite.Settings, "store", "copy", "--to", $"Host=127.0.0.1;Port={port};Username=app;Password=secret;Database=papers");

        Assert.Equal(1, copy.ExitCode);
        var line = Assert.Single(copy.Error.Trim().Split('\n'));
        Assert.StartsWith($"error: cannot reach the target (PostgreSQL papers on 127.0.0.1:{port} as app): ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// Readers and what they leave in the store, through the app's own services and API: two accounts with tokens,
    /// votes, a comment and its reply, a submission, a subscription with an outbox row, a few vectors, and a browser
    /// signed in by the sign-in form (its cookie is protected by the keys in the store).
    /// </summary>
    private static async Task<(string Token, CookieContainer Cookies)> AddCommunityAsync(TestStore store)
    {
        await new PaperWriter(store.Factory, TimeProvider.System).WriteAsync(
            [SamplePapers.Item(Fresh, "Fresh Results", submittedAt: DateTimeOffset.UtcNow.AddDays(-2))], CancellationToken.None);
        await using var app = await RunningApp.StartAsync(store, new Dictionary<string, string?> { ["Search:Embeddings:Enabled"] = "false" });
        var tokens = new List<string>();
        foreach (var email in new[] { "ada@example.org", "alan@example.org" })
        {
            using var scope = app.Services.CreateScope();
            var (account, result) = await scope.ServiceProvider.GetRequiredService<AccountCreator>().CreateAsync(email, CommunitySite.Password, CancellationToken.None);
            Assert.True(result.Succeeded);
            tokens.Add(await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(account.Id, "tests", CancellationToken.None));
        }

        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? json = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : JsonContent.Create(json) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await app.Client.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response;
        }

        foreach (var (paper, token) in new[] { (Voted, tokens[0]), ("2506.07044", tokens[0]), (Voted, tokens[1]) })
        {
            (await SendAsync(HttpMethod.Post, $"/api/papers/{paper}/upvote", token)).Dispose();
        }

        using (var first = await SendAsync(HttpMethod.Post, $"/api/papers/{Voted}/comments", tokens[0], new { body = "The bound in §3 is $O(n^2)$." }))
        {
            var id = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
            (await SendAsync(HttpMethod.Post, $"/api/papers/{Voted}/comments", tokens[1], new { body = "Agreed.", parentId = id })).Dispose();
        }

        (await SendAsync(HttpMethod.Post, "/api/papers/submit", tokens[0], new { id = Fresh, comment = "Worth a read" })).Dispose();

        await using (var context = store.Factory.CreateContext())
        {
            var subscription = new SubscriptionEntity
            {
                Email = "ada@example.org",
                NormalizedEmail = "ADA@EXAMPLE.ORG",
                Status = SubscriptionStatus.Confirmed,
                Weekly = true,
                TokenSecret = "0123456789abcdef",
                CreatedAt = DateTime.UtcNow,
                ConfirmedAt = DateTime.UtcNow,
            };
            context.Subscriptions.Add(subscription);
            await context.SaveChangesAsync();
            context.Outbox.Add(new OutboxEntity
            {
                SubscriptionId = subscription.Id,
                Kind = OutboxKind.Daily,
                PeriodKey = "2025-06-10",
                Payload = "[\"2506.08007\"]",
                NextAttemptAt = DateTime.UtcNow,
                CreatedAt = DateTime.UtcNow,
            });
            var random = new Random(7);
            foreach (var (paper, seq) in new[] { (Voted, 1L), ("2506.07044", 2L) })
            {
                context.PaperVectors.Add(new PaperVectorEntity
                {
                    PaperId = paper,
                    Model = "tests/random",
                    Vector = [.. Enumerable.Range(0, 384 * 4).Select(_ => (byte)random.Next(256))],
                    TextHash = random.NextInt64(),
                    PaperSeq = seq,
                    VectorSeq = seq,
                });
            }

            await context.SaveChangesAsync();
        }

        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var signIn = await CommunitySite.PostFormAsync(browser, "/account/signin", "/account/signin", new() { ["Email"] = "ada@example.org", ["Password"] = CommunitySite.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return (tokens[0], cookies);
    }

    /// <summary>Rows of a table the copy's checkpoints record as copied; 0 before they exist.</summary>
    private static async Task<long> CopiedAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('store_copy_progress') IS NOT NULL", connection))
        {
            if (!(bool)(await exists.ExecuteScalarAsync())!)
            {
                return 0;
            }
        }

        await using var copied = new NpgsqlCommand("SELECT COALESCE(MAX(copied), 0) FROM store_copy_progress WHERE table_name = @table", connection);
        copied.Parameters.AddWithValue("table", table);
        return (long)(await copied.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>A <c>dailypapers serve</c> process on a free port, with the settings of one store.</summary>
    private sealed class Node : IDisposable
    {
        private static readonly string[] Paths =
        [
            "/api/daily_papers?date=2025-06-10&limit=50",
            $"/api/papers/{Voted}",
            $"/api/papers/{Voted}/comments",
            $"/api/papers/{Fresh}",
            "/api/papers?limit=20",
            "/api/papers/search?q=language%20model&limit=20",
        ];

        private readonly Process _process;
        private readonly HttpClient _client;

        private Node(Process process, Uri address)
        {
            _process = process;
            _client = new HttpClient { BaseAddress = address };
        }

        public static async Task<Node> StartAsync(IReadOnlyDictionary<string, string?> store)
        {
            var port = TestData.FreePort();
            var settings = new Dictionary<string, string?>(store)
            {
                ["Digests:Enabled"] = "false",
                ["Search:Embeddings:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            var node = new Node(CliProcess.Start(settings, "serve", "--urls", $"http://127.0.0.1:{port}"), new Uri($"http://127.0.0.1:{port}"));
            var started = Stopwatch.StartNew();
            while (true)
            {
                Assert.False(node._process.HasExited, "serve exited: " + (node._process.HasExited ? await node._process.StandardError.ReadToEndAsync() : ""));
                try
                {
                    using var ready = await node._client.GetAsync("/readyz");
                    if (ready.IsSuccessStatusCode)
                    {
                        return node;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), "serve did not get ready within a minute");
                await Task.Delay(200);
            }
        }

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string token, object? json = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : JsonContent.Create(json) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await _client.SendAsync(request);
        }

        /// <summary>
        /// The answers to the API paths, to /api/whoami with the token, and whether /account knows the cookie; with
        /// <paramref name="until"/>, asked again (for up to 30 s) until they are those, as a new node's search catches up.
        /// </summary>
        public async Task<Dictionary<string, string>> AnswersAsync(string token, CookieContainer cookies, Dictionary<string, string>? until)
        {
            var started = Stopwatch.StartNew();
            while (true)
            {
                var answers = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var path in Paths)
                {
                    answers[path] = await _client.GetStringAsync(path);
                }

                using (var whoami = await SendAsync(HttpMethod.Get, "/api/whoami", token))
                {
                    answers["/api/whoami"] = $"{(int)whoami.StatusCode} {await whoami.Content.ReadAsStringAsync()}";
                }

                using (var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = _client.BaseAddress })
                using (var account = await browser.GetAsync("/account"))
                {
                    var page = await account.Content.ReadAsStringAsync();
                    var signedIn = page.IndexOf("Signed in as", StringComparison.Ordinal);
                    answers["/account"] = $"{(int)account.StatusCode} {(signedIn < 0 ? "not signed in" : page[signedIn..page.IndexOf("</strong>", signedIn, StringComparison.Ordinal)])}</strong>";
                }

                if (until is null || answers.SequenceEqual(until) || started.Elapsed > TimeSpan.FromSeconds(30))
                {
                    return answers;
                }

                await Task.Delay(250);
            }
        }

        public void Dispose()
        {
            _client.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
