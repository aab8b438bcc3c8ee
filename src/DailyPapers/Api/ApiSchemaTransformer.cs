using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DailyPapers.Api;

/// <summary>
/// Makes the generated schemas say what the API writes, where the generator reads the serializer's options too
/// literally: numbers are numbers (the web defaults also <em>read</em> them from strings, which the generator
/// documents as "integer or string" matching a pattern), and timestamps, written by <see cref="HfTimestamps"/>' converters (of which
/// the generator can know nothing and so gives no type), are strings in Hugging Face's one format.
/// </summary>
public sealed class ApiSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>The timestamps' pattern (<see cref="HfTimestamps.Format"/>): UTC, milliseconds, Z.</summary>
    public const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime))
        {
            schema.Type = JsonSchemaType.String | (underlying != type ? JsonSchemaType.Null : 0);
            schema.Format = "date-time";
            schema.Pattern = TimestampPattern;
        }
        else if (schema.Type is { } types && (types.HasFlag(JsonSchemaType.Integer) || types.HasFlag(JsonSchemaType.Number)))
        {
            schema.Type = types & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
