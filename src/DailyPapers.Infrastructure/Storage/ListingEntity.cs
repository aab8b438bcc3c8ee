using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>A paper on one day's list, once per source.</summary>
public sealed class ListingEntity
{
    public string PaperId { get; set; } = "";

    public DateOnly Day { get; set; }

    public ListingSource Source { get; set; }

    /// <summary>Votes the source counted when imported (HF upvotes); local votes live elsewhere.</summary>
    public int Upvotes { get; set; }

    public int NumComments { get; set; }

    public string? SubmittedBy { get; set; }

    public DateTime? ListedAt { get; set; }

    public string? ThumbnailUrl { get; set; }

    /// <summary>The Hugging Face item as served (compact JSON); see <see cref="ListingRecord.HfItem"/>.</summary>
    public string? HfItem { get; set; }

    public PaperEntity? Paper { get; set; }
}
