using System.Text.Json;
using DailyPapers.Core.Papers;

namespace DailyPapers.Infrastructure.Ingestion.Sources;

/// <summary>What one Kaggle line said, gathered while its fields arrive in any order.</summary>
internal sealed class KaggleFields
{
    private string? _firstCreated;
    private string? _lastCreated;
    private string? _lastLabel;
    private int _versionCount;

    public PaperRecordBuilder Builder { get; } = new();

    /// <summary>
    /// Where the free-text "authors" string starts in the line (-1: none). It is decoded only for a line without
    /// authors_parsed, which nearly every line has.
    /// </summary>
    public int AuthorsTextAt { get; set; } = -1;

    public List<string> ParsedAuthors { get; } = [];

    public void AddVersion(string? label, string? created)
    {
        _versionCount++;
        _firstCreated ??= created;
        _lastCreated = created ?? _lastCreated;
        _lastLabel = label ?? _lastLabel;
    }

    /// <param name="line">The line the fields were read from.</param>
    public SourceItem ToItem(string location, ReadOnlySpan<byte> line)
    {
        // authors_parsed is arXiv's own split of the names; the free-text list is the fallback for dumps without it.
        Builder.Authors.AddRange(ParsedAuthors.Count > 0 ? ParsedAuthors : AuthorNames.SplitList(AuthorsText(line)));
        Builder.Version = LastVersionNumber();
        var firstVersion = SourceDates.Parse(_firstCreated);
        Builder.SubmittedAt = firstVersion;
        Builder.UpdatedAt = SourceDates.Parse(_lastCreated);
        if (!Builder.TryBuild(out var paper, out var error))
        {
            return new RejectedItem(location, error!);
        }

        // The dump has no announcement dates; the first version's day stands in for the day arXiv listed the paper
        // (in the arxiv-cs file it is exactly that). ListedAt stays empty: the dump does not know the hour.
        var listing = firstVersion is { } first ? new ListingRecord(SourceDates.UtcDay(first), ListingSource.Arxiv) : null;
        return new PaperItem(location, paper!, listing);
    }

    private string? AuthorsText(ReadOnlySpan<byte> line)
    {
        if (AuthorsTextAt < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(line[AuthorsTextAt..]);
        reader.Read();
        return reader.GetString();
    }

    private int? LastVersionNumber()
    {
        if (_lastLabel is ['v' or 'V', .. var digits] && int.TryParse(digits, out var number) && number > 0)
        {
            return number;
        }

        return _versionCount > 0 ? _versionCount : null;
    }
}
