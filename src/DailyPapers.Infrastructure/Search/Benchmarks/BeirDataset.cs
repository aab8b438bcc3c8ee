using System.Globalization;
using System.Text.Json;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// A BEIR folder: <c>corpus.jsonl</c> (<c>_id</c>, <c>title</c>, <c>text</c>), <c>queries.jsonl</c> (<c>_id</c>, <c>text</c>)
/// and <c>qrels/{split}.tsv</c> (header, then query id, document id, relevance). Only queries judged in the split
/// are kept, as BEIR evaluates them.
/// </summary>
public sealed record BeirDataset(string Name, string Split, IReadOnlyList<BenchDocument> Corpus, IReadOnlyList<BenchQuery> Queries)
{
    public static BeirDataset Load(string folder, string split)
    {
        var qrelsFile = Path.Combine(folder, "qrels", split + ".tsv");
        foreach (var file in new[] { Path.Combine(folder, "corpus.jsonl"), Path.Combine(folder, "queries.jsonl"), qrelsFile })
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file}: not found; a BEIR folder holds corpus.jsonl, queries.jsonl and qrels/{{split}}.tsv.", file);
            }
        }

        var qrels = ReadQrels(qrelsFile);
        var corpus = ReadJsonLines(Path.Combine(folder, "corpus.jsonl"))
            .Select(o => new BenchDocument(o.Id, o.Title, o.Text))
            .ToList();
        var queries = ReadJsonLines(Path.Combine(folder, "queries.jsonl"))
            .Where(o => qrels.ContainsKey(o.Id))
            .Select(o => new BenchQuery(o.Id, o.Text, qrels[o.Id]))
            .ToList();
        var name = new DirectoryInfo(Path.GetFullPath(folder)).Name;
        return new BeirDataset(name, split, corpus, queries);
    }

    /// <summary>The split names present in <c>qrels/</c>, for error messages.</summary>
    public static IReadOnlyList<string> Splits(string folder)
    {
        var qrels = Path.Combine(folder, "qrels");
        return Directory.Exists(qrels)
            ? [.. Directory.GetFiles(qrels, "*.tsv").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    private static Dictionary<string, IReadOnlyDictionary<string, int>> ReadQrels(string file)
    {
        var judged = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            var fields = line.Split('\t');
            if (string.IsNullOrWhiteSpace(line) || (lineNumber == 1 && !int.TryParse(fields[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out _)))
            {
                // The header (query-id, corpus-id, score), or a blank line.
                continue;
            }

            // Three columns as BEIR writes them; four (TREC: query, iteration, document, relevance) also occur.
            if (fields.Length < 3 || !int.TryParse(fields[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var relevance))
            {
                throw new FormatException($"{file}:{lineNumber}: expected query-id<TAB>corpus-id<TAB>score.");
            }

            var (query, document) = (fields[0].Trim(), fields[^2].Trim());
            if (!judged.TryGetValue(query, out var documents))
            {
                judged[query] = documents = new Dictionary<string, int>(StringComparer.Ordinal);
            }

            documents[document] = relevance;
        }

        return judged.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, int>)p.Value, StringComparer.Ordinal);
    }

    private static IEnumerable<(string Id, string Title, string Text)> ReadJsonLines(string file)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(file))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = Parse(line, file, lineNumber);
            var root = json.RootElement;
            var id = Text(root, "_id") ?? throw new FormatException($"{file}:{lineNumber}: the record has no \"_id\".");
            yield return (id, Text(root, "title") ?? "", Text(root, "text") ?? "");
        }
    }

    private static JsonDocument Parse(string line, string file, int lineNumber)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{file}:{lineNumber}: not a JSON object ({ex.Message}).", ex);
        }
    }

    // Some BEIR sets write numeric ids (e.g. SciFact's corpus): read them as text.
    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
