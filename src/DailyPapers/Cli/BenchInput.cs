using DailyPapers.Infrastructure.Search.Benchmarks;

namespace DailyPapers.Cli;

/// <summary>
/// The files and folders a bench verb reads, checked before any work: whatever is missing is named in one line on
/// stderr, so that a clone without the shared data beside it learns what to fetch or pass instead of reading a stack
/// trace from deep inside a benchmark.
/// </summary>
internal static class BenchInput
{
    /// <summary>The exit code of a verb that measured nothing: a bad argument or a missing input, as bench/*.sh use it.</summary>
    public const int Refused = 2;

    /// <summary>True if <paramref name="path"/> is a file; otherwise says so, naming <paramref name="option"/> (e.g. <c>--papers FILE</c>).</summary>
    public static bool IsFile(string path, string option) => File.Exists(path) || ReportUnusable(path, "no such file", option);

    /// <summary>True if <paramref name="folder"/> holds a file matching <paramref name="pattern"/>; otherwise says so.</summary>
    public static bool HasFiles(string folder, string pattern, string option) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, pattern).Any() || ReportUnusable(folder, $"no {pattern} files in this folder", option)
            : ReportUnusable(folder, "no such folder", option);

    /// <summary>True if the folder has the three parts of a BEIR set for <paramref name="split"/>; otherwise names the first missing one.</summary>
    public static bool IsBeirFolder(string folder, string split)
    {
        var layout = $"--beir takes a folder with corpus.jsonl, queries.jsonl and qrels/{split}.tsv, such as {BenchCommand.SharedData}/beir/nfcorpus";
        if (!Directory.Exists(folder))
        {
            return Refuse($"{Path.GetFullPath(folder)}: no such folder; {layout}.");
        }

        var qrels = Path.Combine(folder, "qrels", split + ".tsv");
        foreach (var file in new[] { Path.Combine(folder, "corpus.jsonl"), Path.Combine(folder, "queries.jsonl"), qrels })
        {
            if (!File.Exists(file))
            {
                // Other splits beside a missing one point to a wrong --split: list them on the same line.
                return Refuse(file == qrels && BeirDataset.Splits(folder) is { Count: > 0 } splits
                    ? $"{Path.GetFullPath(file)}: no such file; the splits in this folder are {string.Join(", ", splits)} (--split)."
                    : $"{Path.GetFullPath(file)}: no such file; {layout}.");
            }
        }

        return true;
    }

    /// <summary>Says what is wrong with <paramref name="path"/> and where benchmarks look for their data; returns false.</summary>
    public static bool ReportUnusable(string path, string what, string option) =>
        Refuse($"{Path.GetFullPath(path)}: {what}; benchmarks read the shared data beside the repo ({BenchCommand.SharedData}) or the path given with {option}.");

    private static bool Refuse(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return false;
    }
}
