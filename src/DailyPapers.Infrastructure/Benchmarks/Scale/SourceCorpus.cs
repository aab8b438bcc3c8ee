using System.Text.Json;
using DailyPapers.Infrastructure.Ingestion.Sources;

namespace DailyPapers.Infrastructure.Benchmarks.Scale;

/// <summary>
/// The real papers a generated corpus is recombined from, read whole from a Kaggle-layout file (plain or gzip).
/// Indexed by their order in the file: <see cref="GeneratedPaper"/> names its sources by these indices.
/// </summary>
public sealed class SourceCorpus
{
    private SourceCorpus(string path, IReadOnlyList<SourcePaper> papers)
    {
        Path = path;
        Papers = papers;
    }

    public string Path { get; }

    public IReadOnlyList<SourcePaper> Papers { get; }

    /// <summary>
    /// Reads every line with an id, a title, an abstract and categories; other lines are skipped, so the indices
    /// count only the papers kept.
    /// </summary>
    public static SourceCorpus Load(string path, CancellationToken cancellationToken)
    {
        var papers = new List<SourcePaper>();
        using var reader = new StreamReader(SourceFile.OpenRead(path));
        while (reader.ReadLine() is { } line)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!string.IsNullOrWhiteSpace(line) && Parse(line) is { } paper)
            {
                papers.Add(paper);
            }
        }

        if (papers.Count < 2)
        {
            throw new InvalidDataException($"{path}: {papers.Count} usable paper(s); a generated corpus needs at least two to recombine.");
        }

        return new SourceCorpus(path, papers);
    }

    private static SourcePaper? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (Text(root, "id") is not { } id || Text(root, "title") is not { } title
                || Text(root, "abstract") is not { } summary || Text(root, "categories") is not { } categories
                || string.IsNullOrWhiteSpace(title) || string.IsNullOrWhiteSpace(summary))
            {
                return null;
            }

            var parsed = new List<string[]>();
            if (root.TryGetProperty("authors_parsed", out var names) && names.ValueKind == JsonValueKind.Array)
            {
                foreach (var name in names.EnumerateArray())
                {
                    if (name.ValueKind == JsonValueKind.Array)
                    {
                        parsed.Add([.. name.EnumerateArray().Select(part => part.ValueKind == JsonValueKind.String ? part.GetString()! : "")]);
                    }
                }
            }

            return new SourcePaper(id, title, summary, Text(root, "authors"), parsed, categories, Text(root, "comments"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
