using DailyPapers.Core.Papers;

namespace DailyPapers.Pages;

public static class SourceLabels
{
    public static string Of(ListingSource source) => source switch
    {
        ListingSource.Hf => "HF",
        ListingSource.Arxiv => "arXiv",
        _ => "Curated",
    };
}
