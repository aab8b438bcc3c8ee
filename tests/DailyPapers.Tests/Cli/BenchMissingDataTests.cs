using DailyPapers.Cli;
using DailyPapers.Tests.Harvesting;
using DailyPapers.Tests.Search.Benchmarks;
using DailyPapers.Tests.Support;

namespace DailyPapers.Tests.Cli;

/// <summary>
/// The bench verbs run where their data is not (a clone with no data folder beside it, a wrong path): one line on
/// stderr naming what is missing, exit 2, nothing written, never a stack trace.
/// </summary>
public sealed class BenchMissingDataTests : IDisposable
{
    // The verbs run from root/repo, a temp folder: their default data folder, relative to it, does not exist. Nothing
    // here reads the real data beside the repo.
    private readonly string _root = TestData.NewTempDir("dp-bench");

    public BenchMissingDataTests() => Directory.CreateDirectory(Repo);

    private string Repo => Path.Combine(_root, "repo");

    private string Data => Path.Combine(_root, "data");

    /// <summary>Where the verbs look by default, seen from the temp "repo": a folder that does not exist, never read.</summary>
    private string AbsentDefaultData => Path.GetFullPath(Path.Combine(Repo, BenchCommand.SharedData));

    [Fact]
    public async Task Bench_search_names_a_missing_papers_file()
    {
        var missing = Path.Combine(_root, "arxiv.kaggle.jsonl.gz");

        var error = await RefusedAsync("bench", "search", "--papers", missing);

        Assert.Contains($"{missing}: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_search_without_the_data_beside_the_repo_names_the_folder_it_looked_in()
    {
        var error = await RefusedAsync("bench", "search");

        Assert.Contains($"{Path.Combine(AbsentDefaultData, "arxiv-cs")}: no such folder", error, StringComparison.Ordinal);
        Assert.Contains($"({BenchCommand.SharedData}) or the path given with --papers FILE", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_retrieval_names_a_missing_beir_folder()
    {
        var missing = Path.Combine(_root, "nfcorpus");

        var error = await RefusedAsync("bench", "retrieval", "--beir", missing);

        Assert.Contains($"{missing}: no such folder", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "corpus.jsonl")]
    [InlineData(new[] { "corpus.jsonl" }, "queries.jsonl")]
    [InlineData(new[] { "corpus.jsonl", "queries.jsonl" }, "qrels/test.tsv")]
    public async Task Bench_retrieval_names_the_first_missing_part_of_a_beir_folder(string[] present, string missing)
    {
        var folder = Path.Combine(_root, "beir");
        Directory.CreateDirectory(folder);
        foreach (var file in present)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file), "");
        }

        var error = await RefusedAsync("bench", "retrieval", "--beir", folder);

        Assert.Contains($"{Path.Combine(folder, missing)}: no such file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_retrieval_with_a_split_the_folder_lacks_lists_the_splits_it_has()
    {
        var folder = BeirFolder.Create();

        var error = await RefusedAsync("bench", "retrieval", "--beir", folder, "--split", "dev");

        Assert.Contains($"{Path.Combine(folder, "qrels", "dev.tsv")}: no such file; the splits in this folder are test", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_retrieval_names_an_hf_folder_without_json_files()
    {
        var folder = Path.Combine(_root, "hf");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "notes.txt"), "not a daily-papers file");

        var error = await RefusedAsync("bench", "retrieval", "--hf", folder);

        Assert.Contains($"{folder}: no *.json files", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_retrieval_hf_without_the_data_beside_the_repo_names_the_folder_it_looked_in()
    {
        var error = await RefusedAsync("bench", "retrieval", "--hf");

        Assert.Contains($"{Path.Combine(AbsentDefaultData, "hf-daily-papers")}: no such folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_embed_names_a_missing_hf_folder()
    {
        var missing = Path.Combine(_root, "hf-daily-papers");

        var error = await RefusedAsync("bench", "embed", "--hf", missing);

        Assert.Contains($"{missing}: no such folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_embed_without_the_data_beside_the_repo_names_the_folder_it_looked_in()
    {
        var error = await RefusedAsync("bench", "embed");

        Assert.Contains($"{Path.Combine(AbsentDefaultData, "hf-daily-papers")}: no such folder", error, StringComparison.Ordinal);
        Assert.Contains($"({BenchCommand.SharedData}) or the path given with --hf DIR", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_recommend_names_a_missing_hf_folder()
    {
        var missing = Path.Combine(_root, "hf-daily-papers");

        var error = await RefusedAsync("bench", "recommend", "--hf", missing);

        Assert.Contains($"{missing}: no such folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_recommend_without_the_data_beside_the_repo_names_the_folder_it_looked_in()
    {
        var error = await RefusedAsync("bench", "recommend");

        Assert.Contains($"{Path.Combine(AbsentDefaultData, "hf-daily-papers")}: no such folder", error, StringComparison.Ordinal);
        Assert.Contains($"({BenchCommand.SharedData}) or the path given with --hf DIR", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_votes_without_a_server_says_so_before_touching_the_store()
    {
        var url = ClosedPort.Uri().ToString().TrimEnd('/');

        var error = await RefusedAsync("bench", "votes", "--url", url);

        Assert.Contains($"{url}/: ", error, StringComparison.Ordinal);
        Assert.Contains("needs a running server", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_cursor_without_a_server_says_so()
    {
        var url = ClosedPort.Uri().ToString().TrimEnd('/');

        var error = await RefusedAsync("bench", "cursor", "--url", url);

        Assert.Contains($"{url}/: ", error, StringComparison.Ordinal);
        Assert.Contains("needs a running server", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bench_corpus_without_the_data_beside_the_repo_names_the_file_it_looked_for()
    {
        var error = await RefusedAsync("bench", "corpus", "--papers", "10", "--out", Path.Combine(_root, "corpus.jsonl"));

        Assert.Contains($"{Path.Combine(AbsentDefaultData, "arxiv-cs", "arxiv-cs-2025-03-to-2026-07.kaggle.jsonl.gz")}: no such file", error, StringComparison.Ordinal);
        Assert.Contains($"({BenchCommand.SharedData}) or the path given with --source FILE", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root, "corpus.jsonl")));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Runs the verb from <see cref="Repo"/> and checks the shape of a refusal; returns its one line.</summary>
    private async Task<string> RefusedAsync(params string[] args)
    {
        var settings = new Dictionary<string, string?> { ["DataDirectory"] = Data };

        var (exitCode, output, error) = await CliProcess.RunApartInAsync(Repo, settings, args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data), "a refused bench verb wrote to its data folder");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        return line;
    }
}
