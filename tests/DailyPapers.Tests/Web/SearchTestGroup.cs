namespace DailyPapers.Tests.Web;

/// <summary>The search tests share one imported corpus and app rather than importing it once per class.</summary>
[CollectionDefinition(Name)]
public sealed class SearchTestGroup : ICollectionFixture<SearchCorpus>
{
    public const string Name = "Search corpus";
}
