namespace DailyPapers.Infrastructure.Search.Vectors;

/// <summary>A paper whose vector is missing or older than its last change.</summary>
/// <param name="Text">What is embedded: <c>title. abstract</c> (see <c>EmbeddingText.ForPaper</c>).</param>
/// <param name="StoredHash">The hash of the text behind its current vector; null when it has none.</param>
public sealed record PendingPaper(string Id, long ChangeSeq, string Text, long TextHash, long? StoredHash)
{
    /// <summary>The text is the same as when it was embedded: only its sequence needs recording.</summary>
    public bool IsUnchanged => StoredHash == TextHash;
}
