using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using DailyPapers.Core.Search;
using DailyPapers.Infrastructure.Benchmarks.Scale;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Benchmarks;
using DailyPapers.Infrastructure.Search.Benchmarks.Ann;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary>
/// <c>bench ann</c>: the vector index of the store in <c>--data</c>, as the site builds it: build (or load) time, size on
/// disk and in memory, and recall@10 against the exact scan, plain and under filters. <c>--fill-random</c> first gives
/// every paper without a vector a random unit vector (for a large generated store that nobody will embed for days).
/// </summary>
internal static class BenchAnnCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Build()
    {
        var fill = new Option<bool>("--fill-random") { Description = "First store a random unit vector for every paper that has none (said in the output)" };
        var embedded = new Option<string?>("--fill-embedded") { Description = "First store the real vectors of the papers of this Kaggle file (embedded once, then from the bench cache)" };
        var derived = new Option<string?>("--fill-derived") { Description = "First store, for a corpus made by `bench corpus` from this source file, vectors mixed from its sources' real vectors" };
        var corpusPapers = new Option<long>("--corpus-papers") { Description = "With --fill-derived: the --papers the corpus was made with" };
        var corpusSeed = new Option<ulong>("--corpus-seed") { Description = "With --fill-derived: the --seed the corpus was made with", DefaultValueFactory = _ => 1 };
        var queries = new Option<int>("--queries") { Description = "Queries near random stored papers", DefaultValueFactory = _ => 200 };
        var category = new Option<string>("--category") { Description = "The category of the filtered cases", DefaultValueFactory = _ => "cs.LG" };
        var month = new Option<string>("--month") { Description = "The month (YYYY-MM) of the narrow filter", DefaultValueFactory = _ => "2024-03" };
        var json = BenchCommand.JsonOption();
        var command = new Command("ann", "The store's vector index: build or load time, size, memory, and recall@10 against the exact scan with and without filters.")
        {
            fill, embedded, derived, corpusPapers, corpusSeed, queries, category, month, json,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(CommandLine.Data), parse.GetValue(fill), parse.GetValue(embedded) ?? parse.GetValue(derived), parse.GetValue(derived) is null ? null : new CorpusShape(parse.GetValue(corpusPapers), parse.GetValue(corpusSeed)), parse.GetValue(queries), parse.GetValue(category)!, parse.GetValue(month)!, parse.GetValue(json), ct));
        return command;
    }

    private sealed record CorpusShape(long Papers, ulong Seed);

    private static async Task<int> RunAsync(string? data, bool fill, string? realSource, CorpusShape? corpus, int queryCount, string category, string month, bool json, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || queryCount < 1)
        {
            Console.Error.WriteLine("error: --month must be YYYY-MM and --queries at least 1.");
            return BenchInput.Refused;
        }

        await using var services = await CliServices.StartAsync(data, cancellationToken);
        if (services.GetService<VectorIndexFollower>() is not { } follower)
        {
            Console.Error.WriteLine("error: embeddings are off (Search:Embeddings:Enabled is false): there is no vector index to measure.");
            return 1;
        }

        var progress = BenchProgressReporter.ForStandardError();
        var profile = services.GetRequiredService<EmbeddingModelProfile>();
        var store = services.GetRequiredService<StoreContextFactory>();
        var vectors = services.GetRequiredService<PaperVectorStore>();
        if (realSource is not null)
        {
            var real = RealVectors.Embed(realSource, services.GetRequiredService<TextEmbedder>(), Path.Combine(store.DataDirectory, "bench-cache"), progress, cancellationToken);
            Func<string, float[]?> vectorFor = id => real.GetValueOrDefault(id);
            if (corpus is not null)
            {
                var sources = SourceCorpus.Load(realSource, cancellationToken);
                vectorFor = new DerivedVectors(new CorpusPlan(sources.Papers.Count, corpus.Papers, corpus.Seed), sources, real, seed: 384).For;
            }

            var stored = await SyntheticVectorFill.RunAsync(store, vectors, profile, vectorFor, progress, cancellationToken);
            progress.Note(corpus is null
                ? $"stored {stored:N0} real vectors ({profile.Name}) of the papers of {realSource}"
                : $"stored {stored:N0} vectors derived from the real vectors ({profile.Name}) of each generated paper's sources in {realSource}: half its title's, half its abstract's, plus noise");
        }

        if (fill)
        {
            var written = await SyntheticVectorFill.RunAsync(
                store, vectors, profile, id => SyntheticVectorFill.UnitVector(id, profile.Dimensions, seed: 384), progress, cancellationToken);
            progress.Note($"stored {written:N0} random unit vectors ({profile.Name}, {profile.Dimensions} dimensions): no topics, the hardest case for recall");
        }

        var bench = new AnnRecallBench(
            services.GetRequiredService<PaperVectorStore>(), services.GetRequiredService<VectorIndex>(), follower, services.GetRequiredService<VectorIndexFiles>(),
            services.GetRequiredService<SemanticSearcher>(), services.GetRequiredService<PaperSearch>(), services.GetRequiredService<LexicalIndexer>(),
            services.GetRequiredService<LexicalSearcher>(), profile, services.GetRequiredService<IOptions<HybridOptions>>().Value.MinSimilarity);
        var year = new DateOnly(first.Year, 1, 1);
        var report = await bench.RunAsync(
            queryCount,
            [
                ($"{category} in {month}", new SearchFilters { Categories = [category], From = first, To = first.AddMonths(1).AddDays(-1) }),
                ($"{first.Year}", new SearchFilters { From = year, To = year.AddYears(1).AddDays(-1) }),
                (category, new SearchFilters { Categories = [category] }),
            ],
            progress,
            cancellationToken);
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(report, Json));
            return 0;
        }

        var console = AnsiConsole.Console;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Vectors:N0} vectors ({report.Dimensions} dimensions, {report.Quantization}); graph {(report.FromFile ? "loaded" : "built")} in {report.LoadSeconds:0.0} s; {report.FileBytes / 1e6:N0} MB on disk, {report.GraphMemoryBytes / 1e6:N0} MB in memory; RSS {report.RssMb:N0} MB (peak {report.PeakRssMb:N0})"));
        var recalls = new Table().AddColumn("case").AddColumn("papers passing").AddColumn("recall@10").AddColumn("queries with none above the floor");
        foreach (var r in report.Recalls)
        {
            recalls.AddRow(Markup.Escape(r.Name), r.Passing.ToString("N0", CultureInfo.InvariantCulture), r.RecallAt10.ToString("0.000", CultureInfo.InvariantCulture), r.BelowFloor.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(recalls);
        var latencies = new Table().AddColumn("search").AddColumn("p50 ms").AddColumn("p99 ms");
        foreach (var l in report.Latencies)
        {
            latencies.AddRow(Markup.Escape(l.Mode), l.P50.ToString("0.00", CultureInfo.InvariantCulture), l.P99.ToString("0.00", CultureInfo.InvariantCulture));
        }

        console.Write(latencies);
        return 0;
    }
}
