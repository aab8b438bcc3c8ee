using System.Globalization;

namespace DailyPapers.Core.Search;

/// <summary>Collects what the parser changed or ignored, worded for the person who typed the query.</summary>
internal sealed class QueryNotices
{
    private readonly List<string> _sentences = [];
    private readonly SortedSet<string> _unknownPrefixes = new(StringComparer.OrdinalIgnoreCase);

    public void Truncated(int maxLength) =>
        Add(string.Create(CultureInfo.InvariantCulture, $"The query was too long: only its first {maxLength:N0} characters were searched."));

    public void TooManyTerms(int maxTerms) =>
        Add($"The query had too many words and phrases: only the first {maxTerms} were searched.");

    public void UnclosedQuote() =>
        Add("A closing quote was missing, so the words after the last opening quote were searched as one phrase.");

    public void UnknownPrefix(string prefix) => _unknownPrefixes.Add(prefix.ToLowerInvariant() + ":");

    public void DanglingPrefix(string prefix, QueryField field) =>
        Add($"{prefix.ToLowerInvariant()}: needs a word or a \"phrase\" right after it (such as {Example(field)}), so it was ignored.");

    public void NothingToSearch() =>
        Add("There is nothing to search for: type some words, a \"phrase\" or an arXiv id.");

    public string? ToMessage()
    {
        var sentences = new List<string>(_sentences);
        if (_unknownPrefixes.Count > 0)
        {
            var names = string.Join(", ", _unknownPrefixes);
            sentences.Add(_unknownPrefixes.Count == 1
                ? $"{names} is not a search prefix, so it was searched as words. {KnownPrefixes}"
                : $"{names} are not search prefixes, so they were searched as words. {KnownPrefixes}");
        }

        return sentences.Count == 0 ? null : string.Join(' ', sentences);
    }

    private const string KnownPrefixes =
        "The prefixes are au: (authors), ti: (title), abs: (abstract) and cat: (category, such as cat:cs.LG or cat:cs.*).";

    private static string Example(QueryField field) => field switch
    {
        QueryField.Authors => "au:hinton or au:\"Geoffrey Hinton\"",
        QueryField.Title => "ti:diffusion",
        QueryField.Abstract => "abs:\"protein folding\"",
        QueryField.Category => "cat:cs.LG",
        _ => "all:diffusion",
    };

    private void Add(string sentence)
    {
        if (!_sentences.Contains(sentence))
        {
            _sentences.Add(sentence);
        }
    }
}
