namespace DailyPapers.Infrastructure.Storage;

/// <summary>
/// A paper's embedding by one model. Vectors live in the store, not in the derived index, so that a rebuild or a
/// new web node never recomputes them (embedding a large store takes hours; reading it back takes seconds).
/// </summary>
public sealed class PaperVectorEntity
{
    public string PaperId { get; set; } = "";

    /// <summary>The model's name (<c>sentence-transformers/all-MiniLM-L6-v2</c>): another model's vectors are not comparable.</summary>
    public string Model { get; set; } = "";

    /// <summary>The unit-length vector as little-endian float32s.</summary>
    public byte[] Vector { get; set; } = [];

    /// <summary>
    /// A hash of the text that was embedded. A paper whose change sequence moved on for another reason (a vote, a
    /// listing) keeps its vector when the hash still matches, instead of being embedded again.
    /// </summary>
    public long TextHash { get; set; }

    /// <summary>The paper's change sequence when it was last checked against this vector.</summary>
    public long PaperSeq { get; set; }

    /// <summary>Position in the <c>vector_changes</c> sequence, which every web node's vector index follows.</summary>
    public long VectorSeq { get; set; }
}
