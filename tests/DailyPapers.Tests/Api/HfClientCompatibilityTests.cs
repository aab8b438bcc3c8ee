using System.Net;
using System.Text.Json;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Tests.Api;

/// <summary>
/// The JSON API read the way Hugging Face's own client reads it, on real recorded days: timestamps it can parse and
/// equal to the recording, and the parameters of its <c>list_daily_papers</c> (sort, submitter) plus our min_votes.
/// </summary>
public sealed class HfClientCompatibilityTests : IAsyncLifetime
{
    private static readonly string[] Days = ["2024-05-27", "2024-12-03", "2025-06-09", "2025-06-10", "2025-06-11", "2025-06-12", "2025-06-13", "2026-08-21"];
    private TestStore _store = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        var runner = new ImportRunner(new PaperWriter(_store.Factory, TimeProvider.System));
        foreach (var day in Days)
        {
            var input = ImportInput.Open(SourceKind.HfDaily, Recorded(day));
            await runner.RunAsync(input.ReadAll(CancellationToken.None), () => input.Progress, null, CancellationToken.None);
        }

        _app = await RunningApp.StartAsync(_store);
        await _app.SearchReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/daily_papers?date=2026-08-21")]
    [InlineData("/api/daily_papers?date=2024-05-27")]
    [InlineData("/api/daily_papers?week=2025-W24&sort=trending")]
    [InlineData("/api/daily_papers?month=2025-06&sort=publishedAt")]
    [InlineData("/api/papers/2608.19880")]
    [InlineData("/api/papers/search?q=agents&limit=120")]
    public async Task Every_timestamp_parses_with_the_hugging_face_client_rule(string url)
    {
        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync(url));

        var timestamps = Timestamps(json.RootElement).ToList();

        Assert.NotEmpty(timestamps);
        Assert.All(timestamps, t => Assert.True(HfClientDates.TryParse(t.Value, out _), $"{t.Name}: \"{t.Value}\""));
    }

    [Theory]
    [InlineData("2024-05-27")]
    [InlineData("2025-06-10")]
    [InlineData("2026-08-21")]
    public async Task A_papers_publishedAt_is_written_as_the_recording_wrote_it(string day)
    {
        var recorded = Items(File.ReadAllText(Recorded(day))).ToDictionary(i => PaperId(i), i => i.GetProperty("paper"));
        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync($"/api/daily_papers?date={day}&limit=100"));

        var ours = json.RootElement.EnumerateArray().Select(i => i.GetProperty("paper")).ToList();

        Assert.Equal(recorded.Count, ours.Count);
        Assert.All(ours, paper => Assert.Equal(
            recorded[paper.GetProperty("id").GetString()!].GetProperty("publishedAt").GetString(),
            paper.GetProperty("publishedAt").GetString()));
    }

    [Theory]
    [InlineData("2024-05-27")]
    [InlineData("2024-12-03")]
    [InlineData("2025-06-10")]
    [InlineData("2026-08-21")]
    public async Task Each_item_has_every_field_of_the_recording_with_the_same_value(string day)
    {
        var recorded = Items(File.ReadAllText(Recorded(day))).ToDictionary(PaperId);
        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync($"/api/daily_papers?date={day}&limit=100"));

        var ours = json.RootElement.EnumerateArray().ToList();

        Assert.Equal(recorded.Count, ours.Count);
        foreach (var item in ours)
        {
            AssertHas(recorded[PaperId(item)], item, PaperId(item));
        }
    }

    [Fact]
    public async Task A_paper_is_the_recorded_paper_object()
    {
        var recorded = Items(File.ReadAllText(Recorded("2026-08-21"))).Single(i => PaperId(i) == "2608.19880").GetProperty("paper");
        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync("/api/papers/2608.19880"));

        AssertHas(recorded, json.RootElement, "2608.19880");
    }

    [Fact]
    public async Task Only_reads_for_the_api_carry_the_recorded_items()
    {
        Assert.True(ArxivId.TryParse("2608.19880", out var id));
        await using var scope = _app.Services.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<PaperReader>();

        var forPages = await reader.FindAsync(id, CancellationToken.None);
        reader.WithHfItems = true;
        var forApi = await reader.FindAsync(id, CancellationToken.None);

        Assert.Null(forPages!.HfItem);
        Assert.Contains("\"discussionId\":\"6a87afc589e517cbfd75dbe0\"", forApi!.HfItem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sort_publishedAt_lists_the_newest_submissions_first()
    {
        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync("/api/daily_papers?week=2025-W24&sort=publishedAt&limit=100"));

        var times = json.RootElement.EnumerateArray().Select(i => ParseTimestamp(i.GetProperty("paper").GetProperty("submittedOnDailyAt"))).ToList();

        Assert.True(times.Count > 50, $"{times.Count} papers in the week");
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal(new DateOnly(2025, 6, 13), DateOnly.FromDateTime(times[0]));
    }

    [Fact]
    public async Task Submitter_keeps_only_that_users_submissions()
    {
        var recorded = Items(File.ReadAllText(Recorded("2026-08-21")));
        var expected = recorded.Where(i => i.GetProperty("submittedBy").GetProperty("name").GetString() == "taesiri").Select(PaperId).Order(StringComparer.Ordinal).ToList();

        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync("/api/daily_papers?date=2026-08-21&submitter=taesiri"));

        Assert.True(expected.Count is > 1 and < 17, $"taesiri submitted {expected.Count} of the day's papers");
        Assert.Equal(expected, json.RootElement.EnumerateArray().Select(i => i.GetProperty("paper").GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Submitter_with_no_submissions_is_an_empty_list()
    {
        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync("/api/daily_papers?date=2026-08-21&submitter=nobody-here"));

        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Min_votes_keeps_the_papers_with_at_least_that_many_votes()
    {
        var recorded = Items(File.ReadAllText(Recorded("2025-06-10")));
        var expected = recorded.Count(i => i.GetProperty("paper").GetProperty("upvotes").GetInt32() >= 20);

        using var json = JsonDocument.Parse(await _app.Client.GetStringAsync("/api/daily_papers?date=2025-06-10&min_votes=20"));

        Assert.InRange(expected, 1, recorded.Count - 1);
        Assert.Equal(expected, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), i => Assert.True(i.GetProperty("paper").GetProperty("upvotes").GetInt32() >= 20));
    }

    [Theory]
    [InlineData("/api/daily_papers?sort=votes", "sort")]
    [InlineData("/api/daily_papers?min_votes=-1", "min_votes")]
    [InlineData("/api/papers/search?q=agents&limit=121", "limit")]
    public async Task A_malformed_parameter_is_a_400_that_names_it(string url, string parameter)
    {
        var response = await _app.Client.GetAsync(url);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((400, "Bad Request"), (problem.RootElement.GetProperty("status").GetInt32(), problem.RootElement.GetProperty("title").GetString()));
        Assert.StartsWith(parameter, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The same words under "error", which Hugging Face's client prints with its HTTP error.
        Assert.Equal(problem.RootElement.GetProperty("detail").GetString(), problem.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Search_takes_a_query_of_up_to_250_characters_as_Hugging_Face_does()
    {
        var longest = await _app.Client.GetAsync("/api/papers/search?q=" + new string('a', 250));
        var tooLong = await _app.Client.GetAsync("/api/papers/search?q=" + new string('a', 251));

        Assert.Equal(HttpStatusCode.OK, longest.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.StartsWith("q must be at most 250 characters", JsonDocument.Parse(await tooLong.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/papers/2609.99999")]
    [InlineData("/api/no-such-thing")]
    public async Task Not_found_is_a_problem_document_too(string url)
    {
        var response = await _app.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Read_paper_gets_the_paper_page_as_markdown()
    {
        var response = await _app.Client.GetAsync("/papers/2608.19880.md");
        var md = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("# EnvHarness: Awakening Static Worlds for Agent Learning\n", md, StringComparison.Ordinal);
        Assert.Contains("**Authors:** Chengsong Huang, Zifeng Wang,", md, StringComparison.Ordinal);
        Assert.Contains("[Code](<https://github.com/google-research/envharness>) (8 stars)", md, StringComparison.Ordinal);
        Assert.Contains("## AI summary\n\nEnvHarness and EnvRigger dynamically reshape", md, StringComparison.Ordinal);
        Assert.Contains("**Keywords:** LLM agents, Environment Harness,", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_paper_keeps_the_abstracts_math_as_tex()
    {
        var md = await _app.Client.GetStringAsync("/papers/2411.19477.md");

        Assert.Contains("## Abstract", md, StringComparison.Ordinal);
        Assert.Contains("$P(final output is incorrect)", md, StringComparison.Ordinal);
        Assert.Contains("p_{comp}", md, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/papers/2609.99999.md", HttpStatusCode.NotFound)]
    [InlineData("/papers/hep-th/9901001.md", HttpStatusCode.NotFound)]
    [InlineData("/papers/not-a-paper.md", HttpStatusCode.BadRequest)]
    public async Task Read_paper_of_an_unknown_or_malformed_id_answers_in_markdown(string url, HttpStatusCode status)
    {
        var response = await _app.Client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
    }

    private static string Recorded(string day) => TestData.Path("hf-daily-papers", $"{day}.json");

    private static List<JsonElement> Items(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateArray()];

    private static string PaperId(JsonElement item) => item.GetProperty("paper").GetProperty("id").GetString()!;

    private static DateTime ParseTimestamp(JsonElement value) =>
        HfClientDates.TryParse(value.GetString()!, out var time) ? time : throw new FormatException(value.GetString());

    /// <summary>
    /// Every field of <paramref name="recorded"/> is in <paramref name="ours"/> with the same kind and value (null
    /// as null, arrays in order); ours may add fields of its own.
    /// </summary>
    private static void AssertHas(JsonElement recorded, JsonElement ours, string path)
    {
        Assert.True(recorded.ValueKind == ours.ValueKind, $"{path}: {recorded.ValueKind} recorded, {ours.ValueKind} ours");
        switch (recorded.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var field in recorded.EnumerateObject())
                {
                    Assert.True(ours.TryGetProperty(field.Name, out var value), $"{path}.{field.Name} is missing");
                    AssertHas(field.Value, value, $"{path}.{field.Name}");
                }

                break;
            case JsonValueKind.Array:
                Assert.True(recorded.GetArrayLength() == ours.GetArrayLength(), $"{path}: {recorded.GetArrayLength()} recorded, {ours.GetArrayLength()} ours");
                foreach (var (r, o, i) in recorded.EnumerateArray().Zip(ours.EnumerateArray()).Select((pair, i) => (pair.First, pair.Second, i)))
                {
                    AssertHas(r, o, $"{path}[{i}]");
                }

                break;
            case JsonValueKind.String:
                Assert.True(recorded.GetString() == ours.GetString(), $"{path}: {recorded.GetRawText()} recorded, {ours.GetRawText()} ours");
                break;
            default:
                // Numbers as written (8, not 8.0); true, false and null by their kind, checked above.
                Assert.True(recorded.GetRawText() == ours.GetRawText(), $"{path}: {recorded.GetRawText()} recorded, {ours.GetRawText()} ours");
                break;
        }
    }

    /// <summary>Every string property named like Hugging Face's timestamps (publishedAt, submittedOnDailyAt, …At).</summary>
    private static IEnumerable<(string Name, string Value)> Timestamps(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name.EndsWith("At", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
                {
                    yield return (property.Name, property.Value.GetString()!);
                }

                foreach (var nested in Timestamps(property.Value))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var nested in element.EnumerateArray().SelectMany(Timestamps))
            {
                yield return nested;
            }
        }
    }
}
