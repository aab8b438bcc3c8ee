namespace DailyPapers.Infrastructure.Signals;

/// <summary>
/// A reader's named list of saved papers. Private unless made public (then at
/// <c>/users/{handle}/collections/{slug}</c>, with a feed). Its papers are positive signals for "for you" unless the
/// reader says the collection is not about their field (a reading list of things to learn, say).
/// </summary>
public sealed class CollectionEntity
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The name in an address: unique among the reader's collections, kept when the name changes.</summary>
    public string Slug { get; set; } = "";

    public bool IsPublic { get; set; }

    /// <summary>Whether saving a paper here teaches the reader's model that they like it.</summary>
    public bool IsSignal { get; set; } = true;

    public DateTime CreatedAt { get; set; }
}
