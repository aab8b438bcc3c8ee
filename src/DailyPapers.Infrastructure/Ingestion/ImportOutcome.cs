namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>What one record did to the store.</summary>
public enum ImportOutcome
{
    New = 0,
    Updated = 1,
    Unchanged = 2,
    Deleted = 3,
}
