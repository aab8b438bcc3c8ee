using System.IO.Compression;

namespace DailyPapers.Tests.Support;

/// <summary>
/// Kaggle-layout files of any size made from the committed arXiv fixture, for tests that need scale (an import
/// killed mid-way): the fixture's papers as they are, then the same records again under new ids, round after round (up to 120).
/// </summary>
public static class ScaledKaggleFile
{
    private const string IdField = "{\"id\": \"";

    /// <summary>Writes <paramref name="count"/> papers with distinct ids as a .jsonl.gz; returns <paramref name="count"/>.</summary>
    public static async Task<int> WriteAsync(string path, int count)
    {
        var fixture = TestData.KaggleCsLines().ToList();
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
    /// Round 1 numbers its papers 1501.90001 on, round 2 1502.90001 and so on, to 2412: months the fixture (June 2025)
    /// never uses, and numbers from 90001 that no real paper of those months has (none had 30,000), so a scaled file
    /// may share a store with the other recorded samples.
    /// </summary>
    internal static string GeneratedId(int round, int index)
    {
        var (year, month) = Math.DivRem(round - 1, 12);
        if (round < 1 || year > 9 || index >= 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(round), $"round {round}, line {index}: past the ids kept for generated papers");
        }

        return $"{15 + year:D2}{month + 1:D2}.{90_001 + index:D5}";
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
}
