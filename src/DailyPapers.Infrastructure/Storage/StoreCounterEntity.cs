namespace DailyPapers.Infrastructure.Storage;

/// <summary>A named counter; its row lock also serialises writers of the change sequence.</summary>
public sealed class StoreCounterEntity
{
    public const string PaperChanges = "paper_changes";

    /// <summary>Numbers every stored vector write, as <see cref="PaperChanges"/> numbers paper writes.</summary>
    public const string VectorChanges = "vector_changes";

    public string Name { get; set; } = "";

    public long Value { get; set; }
}
