using System.Text.Json.Serialization;

namespace DailyPapers.Api;

/// <summary><c>GET /api/for-you</c>: the reader's list and how it was made.</summary>
public sealed record ForYouJson(
    [property: JsonPropertyName("first")] DateOnly First,
    [property: JsonPropertyName("last")] DateOnly Last,
    [property: JsonPropertyName("days")] int Days,
    [property: JsonPropertyName("personalWeight")] int PersonalWeight,
    [property: JsonPropertyName("papers")] List<ForYouItemJson> Papers);

/// <summary>A paper of the list: why it is there, its blended score, and the paper as <c>/api/daily_papers</c> writes it.</summary>
public sealed record ForYouItemJson(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("item")] HfDailyItemJson Item);
