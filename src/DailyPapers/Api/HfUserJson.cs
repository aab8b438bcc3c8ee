using System.Text.Json.Serialization;

namespace DailyPapers.Api;

public sealed record HfUserJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("fullname")] string Fullname);
