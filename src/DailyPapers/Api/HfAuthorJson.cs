using System.Text.Json.Serialization;

namespace DailyPapers.Api;

public sealed record HfAuthorJson([property: JsonPropertyName("name")] string Name)
{
    [JsonPropertyName("hidden")]
    public bool Hidden => false;
}
