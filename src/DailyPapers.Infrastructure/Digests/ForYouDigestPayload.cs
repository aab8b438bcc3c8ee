using System.Text.Json;
using System.Text.Json.Serialization;

namespace DailyPapers.Infrastructure.Digests;

/// <summary>One paper of a planned "for you" digest: its id and the line that says why it is there.</summary>
public sealed record ForYouDigestItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("reason")] string Reason);

/// <summary>
/// The payload of a "for you" outbox row: the reader's papers and reasons as ranked at planning time, so a retried
/// message says what the first attempt said even after the reader's signals moved.
/// </summary>
public static class ForYouDigestPayload
{
    public static string Write(IEnumerable<ForYouDigestItem> items) => JsonSerializer.Serialize(items.ToList());

    /// <summary>The items of a payload; empty for one that is not a "for you" payload (nothing to send, not a crash).</summary>
    public static IReadOnlyList<ForYouDigestItem> Read(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<List<ForYouDigestItem>>(payload)?.Where(i => i?.Id is not null).ToList() ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
