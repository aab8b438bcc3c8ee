using DailyPapers.Infrastructure.Papers;
using DailyPapers.Infrastructure.Storage;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Reads exact vectors from <c>paper_vectors</c> by primary key: ~100 rows per search by meaning, a millisecond or two.
/// Synchronous, because search is (Lucene's is CPU work under a lease); the read is one short indexed query.
/// </summary>
public sealed class StoredExactVectors(StoreContextFactory store, string model) : IExactVectors
{
    public IReadOnlyDictionary<string, float[]> Read(IReadOnlyCollection<string> ids)
    {
        var found = new Dictionary<string, float[]>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return found;
        }

        using var connection = ReadConnection.Open(store);
        using var command = connection.CreateCommand();
        var names = new List<string>(ids.Count);
        foreach (var id in ids)
        {
            var name = $"@p{names.Count}";
            names.Add(name);
            command.AddParameter(name, id);
        }

        command.CommandText = $"SELECT paper_id, vector FROM paper_vectors WHERE model = @model AND paper_id IN ({string.Join(',', names)})";
        command.AddParameter("@model", model);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            found[reader.GetString(0)] = VectorCodec.Decode(reader.GetFieldValue<byte[]>(1));
        }

        return found;
    }
}
