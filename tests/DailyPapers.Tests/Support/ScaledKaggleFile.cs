using System.IO.Compression;

namespace DailyPapers.Tests.Support;

/// <summary>
/// Kaggle-layout files of any size made from the committed arXiv fixture, for tests that need scale (an import
/// killed mid-way): the fixture's papers as they are, then the same records again under new ids, round after round.
/// </summary>
public static class ScaledKaggleFile
{
    private const string IdField = "{\"id\": \"";

    /// <summary>Writes <paramref name="count"/> papers with distinct ids as a .jsonl.gz; returns <paramref name="count"/>.</summary>
    public static async Task<int> WriteAsync(string path, int count)
    {
        var fixture = await ReadFixtureAsync();
        await using var target = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest));
        for (var written = 0; written < count; written++)
        {
            var (round, index) = Math.DivRem(written, fixture.Count);
            await target.WriteAsync(round == 0 ? fixture[index] : WithId(fixture[index], GeneratedId(round, index)));
            await target.WriteAsync('\n');
        }

        return count;
    }

    /// <summary>
    /// Round 1 numbers its papers 1501.00001 on, round 2 1502.00001 and so on: months from 2015 that the fixture,
    /// of June 2025, never uses. Five-digit numbers are how arXiv numbers papers from 2015.
    /// </summary>
    internal static string GeneratedId(int round, int index)
    {
        var (year, month) = Math.DivRem(round - 1, 12);
        return $"{15 + year:D2}{month + 1:D2}.{index + 1:D5}";
    }

    private static string WithId(string line, string id)
    {
        if (!line.StartsWith(IdField, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"a fixture line does not start with {IdField}: {line[..Math.Min(40, line.Length)]}");
        }

        var end = line.IndexOf('"', IdField.Length);
        return string.Concat(IdField, id, line.AsSpan(end));
    }

    private static async Task<List<string>> ReadFixtureAsync()
    {
        await using var source = new GZipStream(File.OpenRead(TestData.KaggleCs), CompressionMode.Decompress);
        using var reader = new StreamReader(source);
        var lines = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }
}
