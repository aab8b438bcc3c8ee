using System.Text.RegularExpressions;

namespace DailyPapers.Core.Papers;

/// <summary>
/// Turns the raw fields a source parser read into a <see cref="PaperRecord"/>, or says in one sentence why it
/// cannot: every importer goes through here, so all sources obey the same rules.
/// </summary>
public sealed partial class PaperRecordBuilder
{
    /// <summary>arXiv caps abstracts at 1,920 characters; anything far past that is not an abstract.</summary>
    public const int MaxAbstractLength = 20_000;

    public const int MaxTitleLength = 1_000;

    public const int MaxAuthors = 5_000;

    private string? _abstract;
    private bool _abstractIsNormalised;

    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Abstract
    {
        get => _abstract;
        set
        {
            _abstract = value;
            _abstractIsNormalised = false;
        }
    }

    /// <summary>Author names, already split; TeX accents are decoded here.</summary>
    public List<string> Authors { get; } = [];

    /// <summary>Space-separated categories, primary first (arXiv's own layout).</summary>
    public string? Categories { get; set; }

    public int? Version { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public string? Comments { get; set; }

    public string? JournalRef { get; set; }

    public string? Doi { get; set; }

    public string? License { get; set; }

    public string? GithubRepo { get; set; }

    public int? GithubStars { get; set; }

    public string? ProjectPage { get; set; }

    public string? AiSummary { get; set; }

    public List<string> AiKeywords { get; } = [];

    /// <summary>
    /// Sets the abstract from text in a buffer the caller reuses, normalised as <see cref="TryBuild"/> would (see
    /// <see cref="PaperText.Paragraphs(ReadOnlySpan{char})"/>) without an intermediate string.
    /// </summary>
    public void SetAbstract(ReadOnlySpan<char> text)
    {
        _abstract = PaperText.Paragraphs(text);
        _abstractIsNormalised = true;
    }

    /// <summary>When true, a missing abstract is accepted (the HF 2024 schema always has one; some feeds don't).</summary>
    public bool AbstractOptional { get; set; }

    public bool TryBuild(out PaperRecord? record, out string? error)
    {
        record = null;
        if (!ArxivId.TryParse(Id, out var id, out var idVersion))
        {
            error = string.IsNullOrWhiteSpace(Id)
                ? "missing arXiv id"
                : $"invalid arXiv id \"{Shorten(Id)}\": expected {ArxivId.ExpectedFormat}";
            return false;
        }

        var title = PaperText.SingleLine(Title);
        if (title.Length == 0)
        {
            error = $"{id}: missing title";
            return false;
        }

        if (title.Length > MaxTitleLength)
        {
            error = $"{id}: title is {title.Length:N0} characters long; the limit is {MaxTitleLength:N0}";
            return false;
        }

        var abstractText = _abstractIsNormalised ? _abstract! : PaperText.Paragraphs(_abstract);
        if (abstractText.Length == 0 && !AbstractOptional)
        {
            error = $"{id}: missing abstract";
            return false;
        }

        if (abstractText.Length > MaxAbstractLength)
        {
            error = $"{id}: abstract is {abstractText.Length:N0} characters long; the limit is {MaxAbstractLength:N0}";
            return false;
        }

        var authors = new List<string>(Authors.Count);
        foreach (var author in Authors)
        {
            var name = TexAccents.Decode(PaperText.SingleLine(author));
            if (name.Length > 0)
            {
                authors.Add(name);
            }
        }

        if (authors.Count > MaxAuthors)
        {
            error = $"{id}: {authors.Count:N0} authors; the limit is {MaxAuthors:N0}";
            return false;
        }

        var categories = new List<string>();
        foreach (var category in PaperText.SingleLine(Categories).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!CategoryPattern().IsMatch(category))
            {
                error = $"{id}: invalid category \"{Shorten(category)}\": expected a form such as cs.LG or hep-th";
                return false;
            }

            if (!categories.Contains(category, StringComparer.Ordinal))
            {
                categories.Add(category);
            }
        }

        record = new PaperRecord
        {
            Id = id,
            Version = Version is >= 1 ? Version : idVersion,
            Title = title,
            Abstract = abstractText,
            Authors = authors,
            Categories = categories,
            SubmittedAt = SubmittedAt,
            UpdatedAt = UpdatedAt ?? SubmittedAt,
            Comments = Optional(Comments),
            JournalRef = Optional(JournalRef),
            Doi = Optional(Doi),
            License = Optional(License),
            GithubRepo = OptionalUrl(GithubRepo),
            GithubStars = GithubStars is >= 0 ? GithubStars : null,
            ProjectPage = OptionalUrl(ProjectPage),
            AiSummary = Optional(AiSummary),
            AiKeywords = AiKeywords.Select(PaperText.SingleLine).Where(k => k.Length > 0).Distinct().ToList(),
        };
        error = null;
        return true;
    }

    private static string? Optional(string? text)
    {
        var s = PaperText.SingleLine(text);
        return s.Length == 0 ? null : s;
    }

    // Only absolute http(s) links reach a page: a "javascript:" project page must never become an href.
    private static string? OptionalUrl(string? text)
    {
        var s = Optional(text);
        return s is not null && Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? s
            : null;
    }

    // Quoted input goes through SingleLine so a line break or escape code in it cannot forge log or summary lines.
    private static string Shorten(string text)
    {
        var s = PaperText.SingleLine(text);
        return s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 40), "…");
    }

    [GeneratedRegex(@"^[a-z][a-z\-]*(\.[A-Za-z][A-Za-z\-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryPattern();
}
