using System.Text;
using DailyPapers.Infrastructure.Search.Embeddings;

namespace DailyPapers.Infrastructure.Search.Benchmarks;

/// <summary>
/// Document vectors of a benchmark corpus saved under <c>{data}/bench-cache/</c>, named by a hash of the exact texts
/// embedded and the model, so a repeated run (or a tuning sweep) skips minutes of embedding and a changed corpus,
/// text preparation or model never reuses stale vectors.
/// </summary>
public static class VectorCache
{
    private const int Magic = 0x31564450; // "PDV1"

    /// <summary>The cache file for these documents embedded with this model, cut at this many tokens.</summary>
    public static string PathFor(string cacheDirectory, IEnumerable<BenchDocument> documents, EmbeddingModelKind model, int maxTokens)
    {
        using var hash = new CorpusHash(model, maxTokens);
        foreach (var document in documents)
        {
            hash.Add(document);
        }

        return hash.CacheFile(cacheDirectory);
    }

    /// <summary>The saved vectors, or null when there is no (readable) file.</summary>
    public static IReadOnlyList<(string Id, float[] Vector)>? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadInt32() != Magic)
            {
                return null;
            }

            var (count, dimensions) = (reader.ReadInt32(), reader.ReadInt32());
            var vectors = new List<(string, float[])>(count);
            var bytes = new byte[dimensions * sizeof(float)];
            for (var i = 0; i < count; i++)
            {
                var id = reader.ReadString();
                reader.BaseStream.ReadExactly(bytes);
                var vector = new float[dimensions];
                Buffer.BlockCopy(bytes, 0, vector, 0, bytes.Length);
                vectors.Add((id, vector));
            }

            return vectors;
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Writes to a temporary file first, so an interrupted run never leaves a half cache behind.</summary>
    public static void Write(string path, IReadOnlyList<(string Id, float[] Vector)> vectors)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        using (var writer = new BinaryWriter(File.Create(partial), Encoding.UTF8))
        {
            var dimensions = vectors.Count == 0 ? 0 : vectors[0].Vector.Length;
            writer.Write(Magic);
            writer.Write(vectors.Count);
            writer.Write(dimensions);
            var bytes = new byte[dimensions * sizeof(float)];
            foreach (var (id, vector) in vectors)
            {
                writer.Write(id);
                Buffer.BlockCopy(vector, 0, bytes, 0, bytes.Length);
                writer.Write(bytes);
            }
        }

        File.Move(partial, path, overwrite: true);
    }
}
