using System.Globalization;
using System.Text;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// Realistic search-box queries made from real papers with a fixed seed: mostly 2–5 content words of a title, and
/// some with a "two-word phrase", an au:surname of one of its authors, or a cat: restriction to its category.
/// </summary>
public static class LatencyQueries
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "beyond", "by", "can", "do", "does", "for", "from", "how", "in",
        "into", "is", "it", "its", "not", "of", "on", "or", "our", "than", "that", "the", "their", "this", "through",
        "to", "toward", "towards", "under", "via", "we", "what", "when", "where", "which", "while", "who", "why",
        "with", "within", "without", "you", "your",
    };

    public static IReadOnlyList<string> Generate(IReadOnlyList<LatencyPaper> papers, int count, int seed)
    {
        var random = new Random(seed);
        var queries = new List<string>(count);
        var attempts = 0;
        while (queries.Count < count && attempts++ < count * 20 && papers.Count > 0)
        {
            var paper = papers[random.Next(papers.Count)];
            var words = ContentWords(paper.Title);
            var kind = queries.Count % 20;
            var query = kind switch
            {
                < 11 => Words(words, random, 2, 5),
                < 14 => Phrase(paper.Title, words, random),
                < 17 => Surname(paper, random) is { } surname && Words(words, random, 1, 2) is { } topic ? $"au:{surname} {topic}" : null,
                _ => paper.Category is { } category && Words(words, random, 2, 3) is { } topic2 ? $"cat:{category} {topic2}" : null,
            };
            if (query is not null)
            {
                queries.Add(query);
            }
        }

        return queries;
    }

    /// <summary>
    /// What kind of query <see cref="Generate"/> made <paramref name="query"/>, for latency by kind: "au:" or "cat:" with
    /// words, a "phrase", words with a hyphenated one ("vision-language": several terms to a word), or plain words.
    /// </summary>
    public static string Kind(string query) =>
        query.StartsWith("au:", StringComparison.Ordinal) ? "au: and words"
        : query.StartsWith("cat:", StringComparison.Ordinal) ? "cat: and words"
        : query.Contains('"', StringComparison.Ordinal) ? "phrase"
        : query.Contains('-', StringComparison.Ordinal) ? "hyphenated words"
        : "words";

    /// <summary>Lower-cased title words a person would type: no stop words, no TeX, no bare numbers or punctuation.</summary>
    public static IReadOnlyList<string> ContentWords(string title) =>
        [.. title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(',', '.', ':', ';', '?', '!', '(', ')', '[', ']', '{', '}', '"', '\'').ToLowerInvariant())
            .Where(w => w.Length >= 3 && !StopWords.Contains(w) && w.All(c => char.IsLetterOrDigit(c) || c == '-') && w.Any(char.IsLetter))];

    private static string? Words(IReadOnlyList<string> words, Random random, int min, int max)
    {
        if (words.Count < min)
        {
            return null;
        }

        var take = random.Next(min, Math.Min(max, words.Count) + 1);
        // A random subset, kept in title order: how people shorten a title they half remember.
        var chosen = Enumerable.Range(0, words.Count).OrderBy(_ => random.Next()).Take(take).Order();
        return string.Join(' ', chosen.Select(i => words[i]));
    }

    /// <summary>Two adjacent content words of the title as a phrase, maybe with one more word.</summary>
    private static string? Phrase(string title, IReadOnlyList<string> words, Random random)
    {
        var adjacent = ContentWordPairs(title);
        if (adjacent.Count == 0)
        {
            return null;
        }

        var (first, second) = adjacent[random.Next(adjacent.Count)];
        var extra = words.Where(w => w != first && w != second).ToList();
        var phrase = $"\"{first} {second}\"";
        return extra.Count > 0 && random.Next(2) == 0 ? $"{phrase} {extra[random.Next(extra.Count)]}" : phrase;
    }

    private static List<(string, string)> ContentWordPairs(string title)
    {
        var tokens = title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => ContentWords(t) is [var w] && t.All(c => char.IsLetterOrDigit(c) || c == '-') ? w : null).ToList();
        var pairs = new List<(string, string)>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i] is { } a && tokens[i + 1] is { } b)
            {
                pairs.Add((a, b));
            }
        }

        return pairs;
    }

    /// <summary>The last name of one of the first three authors, when it is a plain word.</summary>
    private static string? Surname(LatencyPaper paper, Random random)
    {
        var names = paper.Authors.Take(3).Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
            .Where(n => n is { Length: >= 3 } && n.All(char.IsLetter))
            .ToList();
        return names.Count == 0 ? null : names[random.Next(names.Count)]!.Normalize(NormalizationForm.FormC).ToString(CultureInfo.InvariantCulture);
    }
}
