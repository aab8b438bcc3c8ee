using System.Text.Json.Serialization;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// Where an import of bulk files had got to when it committed a batch: the file, and the line and byte offset (of the
/// decompressed text) after the last record committed, with the SHA-256 of all the text before that offset, earlier
/// files of the same import included. Saved in the batch's own transaction, so it never runs ahead of what is
/// stored. A rerun that finds the same text up to the offset goes on from there; any change before it starts over.
/// </summary>
/// <param name="Key">The <c>sync_states</c> key: one per import input (file or folder).</param>
/// <param name="File">0-based index of the file among the input's files.</param>
/// <param name="FileName">For people reading the store.</param>
/// <param name="Line">Lines of that file read (the last one committed, or rejected, included).</param>
/// <param name="Offset">Bytes of that file's text before the next line.</param>
/// <param name="Sha256">Hex SHA-256 of the text of the earlier files and of this one up to <paramref name="Offset"/>.</param>
public sealed record ImportCheckpoint(
    [property: JsonIgnore] string Key,
    int File,
    string FileName,
    int Line,
    long Offset,
    string Sha256);
