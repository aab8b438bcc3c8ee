using System.Diagnostics;
using DailyPapers.Infrastructure.Search.Embeddings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>
/// Keeps this process's <see cref="VectorIndex"/> equal to the configured model's vectors in the store: at the first
/// catch-up from the saved graph (<see cref="VectorIndexFiles"/>) when it is sound, else from every stored vector; then
/// the ones written since (by this process, another node or <c>dailypapers embed</c>), following <c>vector_changes</c>.
/// A long load saves checkpoints, so a kill loses at most one interval; after catching up the graph is saved again
/// when it has changed enough, so a restart starts near the store.
/// </summary>
public sealed class VectorIndexFollower : IDisposable
{
    private const int PageSize = 2000;

    /// <summary>A catch-up that loaded at least this many vectors saves at once rather than at the next interval.</summary>
    private const int SaveAfterVectors = 10_000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PaperVectorStore _vectors;
    private readonly VectorIndex _index;
    private readonly EmbeddingModelProfile _profile;
    private readonly VectorIndexFiles? _files;
    private readonly VectorIndexOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private bool _opened;
    private long _savedSequence;
    private long _lastSave;

    public VectorIndexFollower(
        PaperVectorStore vectors,
        VectorIndex index,
        EmbeddingModelProfile profile,
        VectorIndexFiles? files = null,
        VectorIndexOptions? options = null,
        TimeProvider? clock = null,
        ILogger<VectorIndexFollower>? logger = null)
    {
        (_vectors, _index, _profile, _files) = (vectors, index, profile, files);
        _options = options ?? new VectorIndexOptions();
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger<VectorIndexFollower>.Instance;
    }

    /// <summary>Papers with a vector in this process.</summary>
    public int Count => _index.Count;

    /// <summary>Whether the first catch-up started from the saved graph (rather than every stored vector).</summary>
    public bool LoadedFromFile { get; private set; }

    /// <summary>Reads every vector written after the last one loaded; returns how many it loaded.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken, IProgress<(int Done, int Total)>? progress = null)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var storeSequence = await _vectors.ReadSequenceAsync(cancellationToken);
            var fromFile = false;
            if (!_opened)
            {
                fromFile = LoadedFromFile = _files?.TryLoad(_index, storeSequence) == true;
                _savedSequence = _index.AppliedSequence;
                _lastSave = _clock.GetTimestamp();
                _opened = true;
            }
            else if (storeSequence < _index.AppliedSequence)
            {
                _logger.LogWarning(
                    "The store's vector sequence ({StoreSequence}) is behind the vector index's ({IndexSequence}): the store was restored or replaced, so the index is rebuilt from it",
                    storeSequence, _index.AppliedSequence);
                _files?.Delete();
                _index.Clear();
            }

            var loaded = await FollowAsync(storeSequence, progress, cancellationToken);
            var wasLoaded = _index.IsLoaded;
            _index.MarkLoaded();
            if (!wasLoaded)
            {
                _logger.LogInformation(
                    "Semantic search ready: {Count} vectors ({Source}{Loaded}) in {Elapsed} ms",
                    _index.Count, fromFile ? "from the saved index" : "built from the store", fromFile && loaded > 0 ? $", {loaded} newer" : string.Empty,
                    (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            if (_files is not null && _index.AppliedSequence != _savedSequence
                && (loaded >= SaveAfterVectors || _clock.GetElapsedTime(_lastSave) >= _options.SaveInterval))
            {
                Save();
            }

            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the graph and its files and builds both again from every stored vector (<c>dailypapers reindex</c>).</summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _files?.Delete();
            _index.Clear();
            _opened = true;
            _savedSequence = 0;
            _lastSave = _clock.GetTimestamp();
        }
        finally
        {
            _gate.Release();
        }

        var loaded = await CatchUpAsync(cancellationToken, progress);
        if (_files is not null && _index.AppliedSequence != _savedSequence)
        {
            Save();
        }

        return loaded;
    }

    public void Dispose() => _gate.Dispose();

    private async Task<int> FollowAsync(long storeSequence, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var loaded = 0;
        var lastCheckpoint = _clock.GetTimestamp();
        // Sequences count every write, replacements included, so this is an upper bound on what is left.
        var total = (int)Math.Min(int.MaxValue, Math.Max(0, storeSequence - _index.AppliedSequence));
        while (true)
        {
            var page = await _vectors.ReadChangesAsync(_profile.Name, _index.AppliedSequence, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                return loaded;
            }

            _index.Apply(page.Select(v => (v.PaperId, (ReadOnlyMemory<float>)v.Vector)), page[^1].Sequence);
            loaded += page.Count;
            progress?.Report((loaded, Math.Max(loaded, total)));
            if (_files is not null && _clock.GetElapsedTime(lastCheckpoint) >= _options.CheckpointInterval)
            {
                Save();
                lastCheckpoint = _clock.GetTimestamp();
                _logger.LogInformation("Vector index: {Loaded} of about {Total} vectors loaded; checkpoint saved", loaded, total);
            }
        }
    }

    private void Save()
    {
        var started = Stopwatch.GetTimestamp();
        _files!.Save(_index);
        _savedSequence = _index.AppliedSequence;
        _lastSave = _clock.GetTimestamp();
        _logger.LogDebug("Vector index saved: {Count} vectors in {Elapsed} ms", _index.Count, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
