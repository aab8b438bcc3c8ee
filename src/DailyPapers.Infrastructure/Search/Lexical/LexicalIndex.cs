using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// The Lucene index on disk (<c>{data}/index/lexical</c>): one writer, and a near-real-time searcher manager that
/// sees the writer's changes when <see cref="Refresh"/> is called, without reopening per query. Every commit
/// records the store's change sequence it covers, so the commit on disk always says where to resume. Only
/// <see cref="LexicalIndexer"/> writes; it serialises its calls.
/// </summary>
public sealed class LexicalIndex : IDisposable
{
    private readonly System.Threading.Lock _gate = new();
    private readonly ILogger<LexicalIndex> _logger;
    private readonly TaskScheduler? _segmentScheduler;
    private State? _state;
    private bool _disposed;

    public LexicalIndex(string path, LexicalOptions options, ILogger<LexicalIndex> logger)
    {
        Path = System.IO.Path.GetFullPath(path);
        _logger = logger;
        Similarity = new BM25Similarity(options.K1, options.B);
        _segmentScheduler = options.SearchSegmentsInParallel ? TaskScheduler.Default : null;
        Analyzer = LexicalAnalysis.Create();
    }

    public string Path { get; }

    /// <summary>The change sequence the last commit on disk covers (0 for a new or discarded index).</summary>
    public long CommittedSequence => Current.Committed;

    /// <summary>The change sequence applied to the writer: equal to <see cref="CommittedSequence"/> or ahead of it.</summary>
    internal long AppliedSequence => Current.Applied;

    internal Analyzer Analyzer { get; }

    internal Similarity Similarity { get; }

    /// <summary>Papers in the index as the searchers currently see it.</summary>
    public int DocumentCount
    {
        get
        {
            using var lease = Acquire();
            return lease.Searcher.IndexReader.NumDocs;
        }
    }

    /// <summary>Segments the searchers currently see: each one task when segments are searched in parallel.</summary>
    internal int SegmentCount
    {
        get
        {
            using var lease = Acquire();
            return lease.Searcher.IndexReader.Leaves.Count;
        }
    }

    internal SearcherLease Acquire()
    {
        // Under the gate, so a roll-back cannot close the manager between choosing it and borrowing from it.
        lock (_gate)
        {
            var manager = Current.Searchers;
            return new SearcherLease(manager, manager.Acquire());
        }
    }

    internal void Upsert(LexicalDocument document) =>
        Current.Writer.UpdateDocument(new Term(LexicalFields.Id, document.Id), document.ToLucene());

    /// <summary>Adds a paper the index is known not to hold: no delete of its id to buffer and apply (see <see cref="LexicalIndexer"/>).</summary>
    internal void Add(LexicalDocument document) => Current.Writer.AddDocument(document.ToLucene());

    /// <summary>Whether the writer holds no document at all (a new index, or one just emptied).</summary>
    internal bool IsEmpty => Current.Writer.MaxDoc == 0;

    internal void Delete(string id) => Current.Writer.DeleteDocuments(new Term(LexicalFields.Id, id));

    internal void MarkApplied(long sequence) => Current.Applied = sequence;

    /// <summary>Removes every document from the writer; searchers keep the old view until the next refresh.</summary>
    internal void DeleteAll()
    {
        var state = Current;
        state.Writer.DeleteAll();
        state.Applied = 0;
    }

    /// <summary>Makes everything applied durable, recording <see cref="AppliedSequence"/> with it.</summary>
    internal void Commit()
    {
        var state = Current;
        state.Writer.SetCommitData(new Dictionary<string, string>
        {
            [LexicalFields.CommitSequence] = state.Applied.ToString(CultureInfo.InvariantCulture),
            [LexicalFields.CommitSchema] = LexicalFields.SchemaVersion.ToString(CultureInfo.InvariantCulture),
        });
        state.Writer.Commit();
        state.Committed = state.Applied;
    }

    /// <summary>Lets new searches see what was applied so far, committed or not.</summary>
    internal void Refresh() => Current.Searchers.MaybeRefreshBlocking();

    /// <summary>Discards everything applied since the last commit and opens that commit again.</summary>
    internal void RollBack()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Close(_state);
            _state = null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                Close(_state);
                _state = null;
                Analyzer.Dispose();
            }
        }
    }

    private State Current
    {
        get
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return _state ??= Open();
            }
        }
    }

    private State Open()
    {
        System.IO.Directory.CreateDirectory(Path);
        var directory = FSDirectory.Open(new DirectoryInfo(Path));
        try
        {
            var writer = OpenWriter(directory);
            var committed = CommittedSequenceOf(writer);
            if (committed is null)
            {
                // Written with other fields or analysis: derived state, so start again from the store.
                _logger.LogInformation("The search index at {Path} was written by another version; rebuilding it from the store", Path);
                writer.DeleteAll();
            }

            var searchers = new SearcherManager(writer, applyAllDeletes: true, new SimilaritySearcherFactory(Similarity, _segmentScheduler));
            return new State(directory, writer, searchers) { Committed = committed ?? 0, Applied = committed ?? 0 };
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private IndexWriter OpenWriter(LuceneDirectory directory)
    {
        try
        {
            return new IndexWriter(directory, Config(OpenMode.CREATE_OR_APPEND));
        }
        catch (LockObtainFailedException ex)
        {
            throw new LexicalIndexBusyException(
                $"The search index at {Path} is in use by another dailypapers process (the site, or a reindex); stop it first, or wait for it to finish.", ex);
        }
        catch (IOException ex)
        {
            // A crash in the middle of a disk failure, or files from an incompatible Lucene: the store has it all.
            _logger.LogWarning(ex, "The search index at {Path} cannot be read ({Reason}); rebuilding it from the store", Path, ex.Message);
            return new IndexWriter(directory, Config(OpenMode.CREATE));
        }
    }

    private IndexWriterConfig Config(OpenMode mode) => new(LuceneVersion.LUCENE_48, Analyzer)
    {
        OpenMode = mode,
        Similarity = Similarity,
        // Bigger in-memory segments make a first catch-up of a large store faster; 64 MB holds ~40k abstracts.
        RAMBufferSizeMB = 64,
    };

    /// <summary>The sequence recorded by the last commit; 0 for an index never committed; null for another schema.</summary>
    private static long? CommittedSequenceOf(IndexWriter writer)
    {
        var data = writer.CommitData;
        if (data.Count == 0 && writer.MaxDoc == 0)
        {
            return 0;
        }

        var schemaMatches = data.TryGetValue(LexicalFields.CommitSchema, out var schema)
            && schema == LexicalFields.SchemaVersion.ToString(CultureInfo.InvariantCulture);
        return schemaMatches
            && data.TryGetValue(LexicalFields.CommitSequence, out var text)
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;
    }

    private static void Close(State? state)
    {
        if (state is null)
        {
            return;
        }

        state.Searchers.Dispose();
        // Not Dispose: that would commit whatever was applied under the previous commit's sequence. What was not
        // committed is redone from the store at the next catch-up, exactly as after a crash.
        state.Writer.Rollback();
        state.Directory.Dispose();
    }

    private sealed class State(LuceneDirectory directory, IndexWriter writer, SearcherManager searchers)
    {
        public LuceneDirectory Directory { get; } = directory;

        public IndexWriter Writer { get; } = writer;

        public SearcherManager Searchers { get; } = searchers;

        public long Committed { get; set; }

        public long Applied { get; set; }
    }

    /// <summary>
    /// Searchers with BM25; with a scheduler, a search for the top papers scores each segment on its own task and merges
    /// the pages (by score, then index order, as one segment after another would), so one query can use every core.
    /// Searches into a collector (counts, id lists) ignore the scheduler.
    /// </summary>
    private sealed class SimilaritySearcherFactory(Similarity similarity, TaskScheduler? segments) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            var searcher = segments is null ? new IndexSearcher(reader) : new IndexSearcher(reader, segments);
            searcher.Similarity = similarity;
            return searcher;
        }
    }
}
