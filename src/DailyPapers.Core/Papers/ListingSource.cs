namespace DailyPapers.Core.Papers;

/// <summary>Why a paper appears on a day's list (DESIGN.md, "The daily list").</summary>
public enum ListingSource
{
    /// <summary>arXiv announced it in a configured category.</summary>
    Arxiv = 0,

    /// <summary>The Hugging Face Daily Papers mirror listed it.</summary>
    Hf = 1,

    /// <summary>A user of this instance submitted it.</summary>
    Curated = 2,
}
