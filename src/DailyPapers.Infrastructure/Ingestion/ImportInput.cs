using System.Security.Cryptography;
using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// The files of one import, read lazily as a single stream of items, with how many bytes have been read so far.
/// A file that cannot be read at all (missing, not XML, wrong root) becomes one rejection naming it, and the other
/// files still import. Kaggle files, the bulk ones, can be resumed from a checkpoint (<see cref="Checkpoint"/>,
/// <see cref="ResumeAsync"/>); one that cannot be read to its end (cut short, corrupt) stops the whole import there
/// (<see cref="Stopped"/>), as going on would leave a hole in the middle of what was imported.
/// </summary>
public sealed class ImportInput : IDisposable
{
    private readonly SourceKind _kind;
    private readonly IReadOnlyList<string> _files;
    private long _bytesBeforeCurrent;
    private Func<long> _currentBytes = () => 0;

    // Kaggle only: the SHA-256 of all text read, and the line reader of the file being read.
    private IncrementalHash? _text;
    private Utf8LineReader? _lines;
    private int _file;

    // Set by ResumeAsync: the file to go on with, already read up to the checkpoint.
    private ImportCheckpoint? _resumed;
    private Stream? _resumedStream;

    private ImportInput(SourceKind kind, string path, IReadOnlyList<string> files)
    {
        _kind = kind;
        _files = files;
        TotalBytes = files.Sum(f => new FileInfo(f).Length);
        var key = $"{ImportCheckpoints.KeyPrefix}{kind.ToString().ToLowerInvariant()}:{Path.GetFullPath(path)}";
        CheckpointKey = key.Length <= 200 ? key : $"{ImportCheckpoints.KeyPrefix}{kind.ToString().ToLowerInvariant()}:sha256:{Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))}";
        if (kind == SourceKind.Kaggle)
        {
            _text = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        }
    }

    public IReadOnlyList<string> Files => _files;

    public long TotalBytes { get; }

    public string CurrentFile { get; private set; } = "";

    public ImportProgress Progress => new(_bytesBeforeCurrent + (_currentBytes()), TotalBytes, 0, CurrentFile);

    /// <summary>The <c>sync_states</c> key of this input's checkpoint: its kind and full path.</summary>
    public string CheckpointKey { get; }

    /// <summary>Whether this input's reading can be checkpointed and resumed (Kaggle lines).</summary>
    public bool IsResumable => _text is not null;

    /// <summary>
    /// Where reading stands after the last item handed out: what a batch ending with that item commits. Null before
    /// the first file is open, and for inputs that are not resumable. Read it on the thread that reads the items.
    /// </summary>
    public ImportCheckpoint? Checkpoint
    {
        get
        {
            if (_text is null || _lines is null)
            {
                return null;
            }

            _lines.HashConsumed();
            return new ImportCheckpoint(
                CheckpointKey, _file, Path.GetFileName(_files[_file]), _lines.LineNumber, _lines.Consumed, Convert.ToHexString(_text.GetCurrentHash()));
        }
    }

    /// <summary>Why reading stopped before the end of the input (a file cut short or corrupt), or null.</summary>
    public UnreadableSourceException? Stopped { get; private set; }

    /// <summary>Resolves a file or folder; a folder means every matching file in it, in name order.</summary>
    public static ImportInput Open(SourceKind kind, string path)
    {
        if (File.Exists(path))
        {
            return new ImportInput(kind, path, [Path.GetFullPath(path)]);
        }

        if (Directory.Exists(path))
        {
            var pattern = kind switch
            {
                SourceKind.HfDaily => "*.json",
                SourceKind.Kaggle => "*.json*",
                _ => "*.xml",
            };
            var files = Directory.GetFiles(path, pattern).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new FileNotFoundException($"{path}: the folder has no {pattern} files to import.");
            }

            return new ImportInput(kind, path, files);
        }

        throw new FileNotFoundException($"{path}: no such file or folder.");
    }

    /// <summary>
    /// Goes on from <paramref name="checkpoint"/>, left by an earlier run over this input, if the text before it is
    /// still the same: reads it (decompresses and hashes it, parses nothing). False when it has changed, or cannot be
    /// read as far: reading then starts from the beginning.
    /// </summary>
    public async Task<bool> ResumeAsync(ImportCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        if (_text is null || checkpoint.File >= _files.Count || _resumed is not null)
        {
            return false;
        }

        var buffer = new byte[1 << 16];
        Stream? stream = null;
        try
        {
            for (var file = 0; file <= checkpoint.File; file++)
            {
                stream?.Dispose();
                stream = OpenText(file);
                var left = file < checkpoint.File ? long.MaxValue : checkpoint.Offset;
                while (left > 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken);
                    if (read == 0)
                    {
                        if (file < checkpoint.File)
                        {
                            break;
                        }

                        return Restart();
                    }

                    _text.AppendData(buffer, 0, read);
                    left -= read;
                }
            }

            if (!string.Equals(Convert.ToHexString(_text.GetCurrentHash()), checkpoint.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                return Restart();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || SourceFile.IsTruncation(ex))
        {
            return Restart();
        }

        _bytesBeforeCurrent = _files.Take(checkpoint.File).Sum(f => new FileInfo(f).Length);
        (_resumed, _resumedStream, stream) = (checkpoint, stream, null);
        return true;

        bool Restart()
        {
            stream?.Dispose();
            _text.Dispose();
            _text = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _currentBytes = () => 0;
            return false;
        }
    }

    public IEnumerable<SourceItem> ReadAll(CancellationToken cancellationToken)
    {
        for (_file = _resumed?.File ?? 0; _file < _files.Count; _file++)
        {
            var file = _files[_file];
            CurrentFile = Path.GetFileName(file);
            _lines = null;
            foreach (var item in ReadFile(_file, cancellationToken))
            {
                yield return item;
            }

            if (Stopped is not null)
            {
                yield break;
            }

            _bytesBeforeCurrent += new FileInfo(file).Length;
            _currentBytes = () => 0;
        }

        _file = _files.Count - 1;
    }

    public void Dispose()
    {
        _resumedStream?.Dispose();
        _text?.Dispose();
    }

    /// <summary>The file's text: decompressed when it is gzip, its compressed bytes counted for progress.</summary>
    private Stream OpenText(int file)
    {
        var counting = new CountingStream(new FileStream(_files[file], FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        _currentBytes = () => counting.BytesRead;
        return SourceFile.Decompress(counting);
    }

    private IEnumerable<SourceItem> ReadFile(int file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(_files[file]);
        if (_resumed is { } resumed && resumed.File == file && _resumedStream is { } positioned)
        {
            _resumedStream = null;
            return Guarded(positioned, name, resumed.Line, resumed.Offset, cancellationToken);
        }

        Stream stream;
        try
        {
            stream = OpenText(file);
        }
        catch (IOException ex)
        {
            return [new RejectedItem(name, $"cannot read the file: {ex.Message}")];
        }
        catch (UnauthorizedAccessException ex)
        {
            return [new RejectedItem(name, $"cannot read the file: {ex.Message}")];
        }

        return Guarded(stream, name, 0, 0, cancellationToken);
    }

    private IEnumerable<SourceItem> Guarded(Stream stream, string name, int linesBefore, long bytesBefore, CancellationToken cancellationToken)
    {
        using (stream)
        {
            using var items = Parse(stream, name, linesBefore, bytesBefore, cancellationToken).GetEnumerator();
            while (true)
            {
                SourceItem? item;
                RejectedItem? unreadable = null;
                try
                {
                    item = items.MoveNext() ? items.Current : null;
                }
                catch (SourceFormatException ex)
                {
                    item = null;
                    unreadable = new RejectedItem(name, ex.Message);
                }
                catch (UnreadableSourceException ex)
                {
                    Stopped = ex;
                    yield break;
                }
                catch (IOException ex) when (_lines is not null)
                {
                    Stopped = new UnreadableSourceException(SourceLocation.Line(name, _lines.LineNumber + 1), $"cannot read the file: {ex.Message}", ex);
                    yield break;
                }

                if (unreadable is not null)
                {
                    // The file as a whole is unreadable from here on: report it and go on with the next file.
                    yield return unreadable;
                    yield break;
                }

                if (item is null)
                {
                    yield break;
                }

                yield return item;
            }
        }
    }

    // An iterator, so that readers which parse eagerly still throw inside Guarded's try.
    private IEnumerable<SourceItem> Parse(Stream stream, string name, int linesBefore, long bytesBefore, CancellationToken cancellationToken)
    {
        if (_kind == SourceKind.Kaggle)
        {
            using var lines = new Utf8LineReader(stream, linesBefore, bytesBefore, _text);
            _lines = lines;
            foreach (var item in KaggleSnapshotReader.Read(lines, name, cancellationToken))
            {
                yield return item;
            }

            yield break;
        }

        var items = _kind switch
        {
            SourceKind.HfDaily => HfDailyReader.Read(stream, name, cancellationToken),
            SourceKind.ArxivAtom => ArxivAtomReader.Read(stream, name, cancellationToken),
            _ => OaiPmhItems(stream, name, cancellationToken),
        };
        foreach (var item in items)
        {
            yield return item;
        }
    }

    private static IEnumerable<SourceItem> OaiPmhItems(Stream stream, string name, CancellationToken cancellationToken)
    {
        var page = OaiPmhReader.ReadPage(stream, name, cancellationToken);
        if (page.ErrorCode is { } code && code != "noRecordsMatch")
        {
            return [new RejectedItem(name, $"the OAI-PMH server answered with error {code}: {page.ErrorMessage}")];
        }

        return page.Items;
    }
}
