using System.IO.Hashing;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// A <see cref="VectorIndex"/> saved under <c>{data}/index/vectors</c>, so that a restart reads one file instead of
/// every vector in the store and a rebuilt graph: <c>{model}.hnsw</c> (USearch's graph), <c>{model}.keys</c> (which
/// paper each graph key is) and <c>{model}.json</c>, the manifest that says which model, settings and store sequence
/// they hold and the checksums of both. The manifest is written last: a save cut short, a file from another model
/// or a corrupted byte is caught by it, logged, and the graph rebuilt from the store; such a file is never served.
/// </summary>
public sealed partial class VectorIndexFiles
{
    private const int Format = 1;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly ILogger _logger;

    public VectorIndexFiles(string directory, string model, ILogger logger)
    {
        Directory = Path.GetFullPath(directory);
        var name = UnsafeFileCharacters().Replace(model, "_");
        GraphPath = Path.Combine(Directory, $"{name}.hnsw");
        KeysPath = Path.Combine(Directory, $"{name}.keys");
        ManifestPath = Path.Combine(Directory, $"{name}.json");
        Model = model;
        _logger = logger;
    }

    public string Directory { get; }

    public string Model { get; }

    public string GraphPath { get; }

    public string KeysPath { get; }

    public string ManifestPath { get; }

    /// <summary>Where a site keeps its vector index: derived state under its data folder, beside the lexical index.</summary>
    public static string DefaultDirectory(string dataDirectory) => Path.Combine(dataDirectory, "index", "vectors");

    /// <summary>
    /// Fills <paramref name="index"/> from the saved files when they are whole and were made for this model, these settings
    /// and a store at least at their sequence (<paramref name="storeSequence"/>); otherwise says why in the log, removes
    /// them and returns false, and the caller builds the graph from the store.
    /// </summary>
    public bool TryLoad(VectorIndex index, long storeSequence)
    {
        if (!File.Exists(ManifestPath))
        {
            if (File.Exists(GraphPath))
            {
                Discard("has no manifest (a save was cut short)");
            }

            return false;
        }

        var problem = Check(index, storeSequence, out var manifest);
        if (problem is null)
        {
            try
            {
                index.LoadFrom(GraphPath, KeysPath, manifest!.Sequence);
                return true;
            }
            catch (Exception ex) when (ex is Ann.AnnIndexException or IOException or InvalidDataException)
            {
                problem = $"cannot be read ({ex.Message})";
            }
        }

        Discard(problem);
        return false;
    }

    /// <summary>Saves the index: graph and keys beside their final names, then the manifest, then the renames.</summary>
    public void Save(VectorIndex index)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var (graphTemp, keysTemp, manifestTemp) = (GraphPath + ".tmp", KeysPath + ".tmp", ManifestPath + ".tmp");
        // The sequence read first: vectors applied during the save are applied again after a restart, never lost.
        var sequence = index.AppliedSequence;
        var count = index.Count;
        index.SaveTo(graphTemp, keysTemp);
        var manifest = new Manifest(
            Format, Model, index.Dimensions, index.Settings.Quantization, index.Settings.Connectivity, index.Settings.ExpansionAdd,
            sequence, count, Digest(graphTemp), Digest(keysTemp));
        File.WriteAllBytes(manifestTemp, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
        FlushToDisk(graphTemp);
        FlushToDisk(keysTemp);
        FlushToDisk(manifestTemp);
        // Any crash between these renames leaves files whose checksums disagree with the manifest: caught at the next start.
        File.Move(graphTemp, GraphPath, overwrite: true);
        File.Move(keysTemp, KeysPath, overwrite: true);
        File.Move(manifestTemp, ManifestPath, overwrite: true);
    }

    /// <summary>Removes the saved files (a rebuild, a reindex).</summary>
    public void Delete()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }

        foreach (var path in new[] { ManifestPath, GraphPath, KeysPath, ManifestPath + ".tmp", GraphPath + ".tmp", KeysPath + ".tmp" })
        {
            File.Delete(path);
        }
    }

    private string? Check(VectorIndex index, long storeSequence, out Manifest? manifest)
    {
        try
        {
            manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllBytes(ManifestPath));
        }
        catch (JsonException ex)
        {
            manifest = null;
            return $"has an unreadable manifest ({ex.Message})";
        }

        var settings = index.Settings;
        return manifest switch
        {
            null or { Format: not Format } => "was written by another version",
            _ when manifest.Model != Model || manifest.Dimensions != index.Dimensions =>
                $"was built for the model {manifest.Model} ({manifest.Dimensions} dimensions), not {Model} ({index.Dimensions})",
            _ when manifest.Quantization != settings.Quantization || manifest.Connectivity != settings.Connectivity || manifest.ExpansionAdd != settings.ExpansionAdd =>
                $"was built with other graph settings ({manifest.Quantization}, M={manifest.Connectivity}, ef={manifest.ExpansionAdd})",
            _ when manifest.Sequence > storeSequence =>
                $"is ahead of the store (vector change {manifest.Sequence:N0}, the store is at {storeSequence:N0}): the store was restored or replaced",
            _ when !File.Exists(GraphPath) || !File.Exists(KeysPath) => "is missing a file",
            _ when Digest(GraphPath) != manifest.Graph || Digest(KeysPath) != manifest.Keys => "is corrupt (its checksums do not match its manifest)",
            _ => null,
        };
    }

    private void Discard(string problem)
    {
        _logger.LogWarning("The vector index at {Path} {Problem}; rebuilding it from the store", GraphPath, problem);
        Delete();
    }

    private static FileDigest Digest(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var hash = new XxHash128();
        hash.Append(stream);
        return new FileDigest(stream.Length, Convert.ToHexStringLower(hash.GetCurrentHash()));
    }

    private static void FlushToDisk(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeFileCharacters();

    private sealed record Manifest(
        int Format, string Model, int Dimensions, string Quantization, int Connectivity, int ExpansionAdd, long Sequence, int Count, FileDigest Graph, FileDigest Keys);

    private sealed record FileDigest(long Bytes, string XxHash128);
}
