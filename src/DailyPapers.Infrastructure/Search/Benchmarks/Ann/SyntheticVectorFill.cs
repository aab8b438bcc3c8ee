using System.Globalization;
using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Search.Embeddings;
using DailyPapers.Infrastructure.Search.Vectors;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Search.Benchmarks.Ann;

/// <summary>
/// Gives every paper without a vector one made up for it, stored as <c>dailypapers embed</c> would store a real one
/// (same table, sequence and text hash), so that a store of millions of papers can be searched by vector without the
/// days of embedding: <see cref="UnitVector"/> (random: no topics, the hardest case for a graph) or vectors derived
/// from real ones (<see cref="DerivedVectors"/>). Each paper's vector depends only on its id, whatever the order.
/// </summary>
public static class SyntheticVectorFill
{
    private const int PageSize = 5000;

    /// <param name="vectorFor">The vector for a paper id, or null to leave that paper without one.</param>
    public static async Task<long> RunAsync(
        StoreContextFactory store,
        PaperVectorStore vectors,
        EmbeddingModelProfile profile,
        Func<string, float[]?> vectorFor,
        IProgress<BenchProgress>? progress,
        CancellationToken cancellationToken)
    {
        var total = await CountAsync(store, cancellationToken);
        long written = 0, seen = 0;
        var after = string.Empty;
        while (true)
        {
            var page = await ReadPageAsync(store, profile.Name, after, cancellationToken);
            if (page.Count == 0)
            {
                return written;
            }

            after = page[^1].Id;
            seen += page.Count;
            var made = new Dictionary<string, float[]>(StringComparer.Ordinal);
            foreach (var paper in page.Where(p => p.StoredHash is null))
            {
                if (vectorFor(paper.Id) is { } vector)
                {
                    made[paper.Id] = vector;
                }
            }

            if (made.Count > 0)
            {
                await vectors.WriteAsync(profile.Name, [.. page.Where(p => made.ContainsKey(p.Id))], made, cancellationToken);
                written += made.Count;
            }

            progress?.Report(new BenchProgress("storing vectors", (int)Math.Min(int.MaxValue, seen), (int)Math.Min(int.MaxValue, total)));
        }
    }

    /// <summary>A unit vector of independent normal components, seeded by the paper id (FNV-1a) and <paramref name="seed"/>.</summary>
    public static float[] UnitVector(string id, int dimensions, int seed)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 16777619u;
        }

        var random = new Random(unchecked((int)hash) ^ seed);
        return BenchVectors.UnitVector(random, dimensions);
    }

    private static async Task<long> CountAsync(StoreContextFactory store, CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM papers WHERE NOT is_deleted";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The next papers by id, with the text hash the embedder records and whether they already have a vector.</summary>
    private static async Task<List<PendingPaper>> ReadPageAsync(StoreContextFactory store, string model, string after, CancellationToken cancellationToken)
    {
        await using var connection = await ReadConnection.OpenAsync(store, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT p.id, p.change_seq, p.title, p.abstract, v.text_hash FROM papers AS p " +
            "LEFT JOIN paper_vectors AS v ON v.paper_id = p.id AND v.model = @model " +
            "WHERE p.id > @after AND NOT p.is_deleted ORDER BY p.id LIMIT @limit";
        command.AddParameter("@model", model);
        command.AddParameter("@after", after);
        command.AddParameter("@limit", PageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<PendingPaper>(PageSize);
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = EmbeddingText.ForPaper(reader.GetString(2), reader.GetString(3));
            page.Add(new PendingPaper(reader.GetString(0), reader.GetInt64(1), text, PaperVectorStore.HashOf(text), reader.IsDBNull(4) ? null : reader.GetInt64(4)));
        }

        return page;
    }
}
