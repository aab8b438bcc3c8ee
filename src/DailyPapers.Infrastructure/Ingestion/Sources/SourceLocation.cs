namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>The "where" of a source item, as the import summary shows it (see <see cref="Core.Papers.SourceItem"/>).</summary>
internal static class SourceLocation
{
    public static string Line(string fileName, int line) => $"{fileName}:{line}";

    /// <summary>"file#3 (2405.15738)": the 1-based record number in an array or feed, and the id when known.</summary>
    public static string Record(string fileName, int number, string? id = null) =>
        string.IsNullOrWhiteSpace(id) ? $"{fileName}#{number}" : $"{fileName}#{number} ({id.Trim()})";

    public static string EndsEarly(string what) => $"the file ends early (truncated gzip?): records after {what} were not read";
}
