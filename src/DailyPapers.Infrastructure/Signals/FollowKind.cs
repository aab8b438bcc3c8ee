namespace DailyPapers.Infrastructure.Signals;

/// <summary>Stored as its number: never reorder.</summary>
public enum FollowKind
{
    Author = 1,
    Category = 2,
}
