using DailyPapers.Hosting;
using DailyPapers.Infrastructure.Search;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Lexical;
using Microsoft.Extensions.Options;

namespace DailyPapers.Cli;

/// <summary>
/// The search options a benchmark runs with: the app's own configuration (appsettings.json, then environment such as
/// <c>Search__Hybrid__SemanticWeight=1.5</c>), validated as at start, so that the bench measures what the site runs.
/// </summary>
internal sealed record BenchSettings(LexicalOptions Lexical, EmbeddingOptions Embedding, HybridOptions Hybrid, string DataDirectory)
{
    /// <summary>Where document vectors of benchmark corpora are kept between runs.</summary>
    public string CacheDirectory => Path.Combine(DataDirectory, "bench-cache");

    /// <summary>The settings, or the configuration errors (one line per bad key).</summary>
    public static (BenchSettings? Settings, IReadOnlyList<string> Errors) Load(string? dataOption, EmbeddingModelKind? model)
    {
        var configuration = AppConfiguration.Build();
        var lexical = configuration.GetSection(LexicalOptions.Section).Get<LexicalOptions>() ?? new LexicalOptions();
        var embedding = configuration.GetSection(EmbeddingOptions.Section).Get<EmbeddingOptions>() ?? new EmbeddingOptions();
        var hybrid = configuration.GetSection(HybridOptions.Section).Get<HybridOptions>() ?? new HybridOptions();
        if (model is { } chosen)
        {
            embedding.Model = chosen;
        }

        List<string> errors =
        [
            .. Failures(new LexicalOptionsValidator().Validate(null, lexical)),
            .. Failures(new EmbeddingOptionsValidator().Validate(null, embedding)),
            .. Failures(new HybridOptionsValidator().Validate(null, hybrid)),
        ];
        var settings = new BenchSettings(lexical, embedding, hybrid, Hosting.DataDirectory.Resolve(dataOption, configuration));
        return errors.Count == 0 ? (settings, []) : (null, errors);
    }

    private static IEnumerable<string> Failures(ValidateOptionsResult result) => result.Failed ? result.Failures ?? [] : [];
}
