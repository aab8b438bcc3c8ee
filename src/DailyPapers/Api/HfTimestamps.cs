using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DailyPapers.Api;

/// <summary>
/// Timestamps in the JSON API as Hugging Face writes them: UTC, milliseconds, <c>Z</c>
/// (<c>2025-06-09T17:59:53.000Z</c>). Their Python client parses every timestamp with the one pattern
/// <c>%Y-%m-%dT%H:%M:%S.%fZ</c>; an offset such as <c>+00:00</c> makes it fail on the first paper.
/// </summary>
public static class HfTimestamps
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Write(DateTimeOffset value) => value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Both converters, for the API's serializer options.</summary>
    public static void AddTo(JsonSerializerOptions options)
    {
        options.Converters.Add(new OffsetConverter());
        options.Converters.Add(new DateTimeConverter());
    }

    /// <summary>A JsonException for a bad time, so that a request body with one is a 400 like any malformed JSON.</summary>
    private static DateTimeOffset ReadValue(ref Utf8JsonReader reader) =>
        DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : throw new JsonException($"\"{reader.GetString()}\" is not a time such as 2025-06-09T17:59:53.000Z.");

    private sealed class OffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(HfTimestamps.Write(value));
    }

    /// <summary>The store keeps times as UTC without a kind: an unspecified one is UTC, never local time.</summary>
    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader).UtcDateTime;

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(HfTimestamps.Write(value.Kind == DateTimeKind.Unspecified
                ? new DateTimeOffset(value, TimeSpan.Zero)
                : new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero)));
    }
}
