using DailyPapers.Core.Papers;
using DailyPapers.Infrastructure.Ingestion.Sources;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// The files of one import, read lazily as a single stream of items, with how many bytes have been read so far.
/// A file that cannot be read at all (missing, not XML, wrong root) becomes one rejection naming it, and the other
/// files still import.
/// </summary>
public sealed class ImportInput
{
    private readonly SourceKind _kind;
    private readonly IReadOnlyList<string> _files;
    private long _bytesBeforeCurrent;
    private Func<long> _currentBytes = () => 0;

    private ImportInput(SourceKind kind, IReadOnlyList<string> files)
    {
        _kind = kind;
        _files = files;
        TotalBytes = files.Sum(f => new FileInfo(f).Length);
    }

    public IReadOnlyList<string> Files => _files;

    public long TotalBytes { get; }

    public string CurrentFile { get; private set; } = "";

    public ImportProgress Progress => new(_bytesBeforeCurrent + (_currentBytes()), TotalBytes, 0, CurrentFile);

    /// <summary>Resolves a file or folder; a folder means every matching file in it, in name order.</summary>
    public static ImportInput Open(SourceKind kind, string path)
    {
        if (File.Exists(path))
        {
            return new ImportInput(kind, [Path.GetFullPath(path)]);
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

            return new ImportInput(kind, files);
        }

        throw new FileNotFoundException($"{path}: no such file or folder.");
    }

    public IEnumerable<SourceItem> ReadAll(CancellationToken cancellationToken)
    {
        foreach (var file in _files)
        {
            CurrentFile = Path.GetFileName(file);
            foreach (var item in ReadFile(file, cancellationToken))
            {
                yield return item;
            }

            _bytesBeforeCurrent += new FileInfo(file).Length;
            _currentBytes = () => 0;
        }
    }

    private IEnumerable<SourceItem> ReadFile(string file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        Stream stream;
        try
        {
            var counting = new CountingStream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
            _currentBytes = () => counting.BytesRead;
            stream = SourceFile.Decompress(counting);
        }
        catch (IOException ex)
        {
            return [new RejectedItem(name, $"cannot read the file: {ex.Message}")];
        }
        catch (UnauthorizedAccessException ex)
        {
            return [new RejectedItem(name, $"cannot read the file: {ex.Message}")];
        }

        return Guarded(stream, name, cancellationToken);
    }

    private IEnumerable<SourceItem> Guarded(Stream stream, string name, CancellationToken cancellationToken)
    {
        using (stream)
        {
            using var items = Parse(stream, name, cancellationToken).GetEnumerator();
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
    private IEnumerable<SourceItem> Parse(Stream stream, string name, CancellationToken cancellationToken)
    {
        var items = _kind switch
        {
            SourceKind.Kaggle => KaggleSnapshotReader.Read(stream, name, cancellationToken),
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
