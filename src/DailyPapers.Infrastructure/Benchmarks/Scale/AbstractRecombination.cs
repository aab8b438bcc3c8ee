using System.Text;

namespace DailyPapers.Infrastructure.Benchmarks.Scale;

/// <summary>
/// An abstract made of the first sentences of one real abstract and the last sentences of another, wrapped as arXiv
/// wraps them (hard line breaks before column 80, a paragraph begins on a new line indented by two spaces), so that
/// sentence lengths, vocabulary and layout stay those of real abstracts.
/// </summary>
internal static class AbstractRecombination
{
    private const int Width = 79;

    public static string Combine(string first, string? second, double split)
    {
        var head = Sentences(first);
        if (second is null)
        {
            return Wrap(head);
        }

        var tail = Sentences(second);
        var kept = Math.Clamp((int)Math.Round(split * head.Count), 1, head.Count);
        var skipped = Math.Clamp((int)Math.Round(split * tail.Count), 0, tail.Count - 1);

        // The second part goes on in the same paragraph unless it began one of its own.
        var joined = head.Take(kept).ToList();
        joined.AddRange(tail.Skip(skipped).Select((s, i) => i == 0 && skipped == 0 ? s with { StartsParagraph = false } : s));
        return Wrap(joined);
    }

    /// <summary>The sentences of an abstract, whitespace collapsed, each marked when it begins a paragraph.</summary>
    internal static List<Sentence> Sentences(string text)
    {
        var sentences = new List<Sentence>();
        var paragraphs = text.Trim().Split("\n ", StringSplitOptions.RemoveEmptyEntries);
        foreach (var paragraph in paragraphs)
        {
            var words = paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var current = new StringBuilder();
            var startsParagraph = true;
            for (var w = 0; w < words.Length; w++)
            {
                if (current.Length > 0)
                {
                    current.Append(' ');
                }

                current.Append(words[w]);
                if (w == words.Length - 1 || EndsSentence(words[w], words[w + 1]))
                {
                    sentences.Add(new Sentence(current.ToString(), startsParagraph));
                    current.Clear();
                    startsParagraph = false;
                }
            }
        }

        return sentences.Count > 0 ? sentences : [new Sentence(text.Trim(), true)];
    }

    private static bool EndsSentence(string word, string next) =>
        word[^1] is '.' or '?' or '!' && char.IsUpper(next[0]) && word is not ("e.g." or "i.e." or "al." or "vs." or "cf.");

    private static string Wrap(List<Sentence> sentences)
    {
        var text = new StringBuilder();
        var column = 0;
        var atLineStart = true;
        foreach (var sentence in sentences)
        {
            if (sentence.StartsParagraph && text.Length > 0)
            {
                text.Append("\n  ");
                column = 2;
                atLineStart = true;
            }

            foreach (var word in sentence.Text.Split(' '))
            {
                if (!atLineStart)
                {
                    if (column + 1 + word.Length > Width)
                    {
                        text.Append('\n');
                        column = 0;
                    }
                    else
                    {
                        text.Append(' ');
                        column++;
                    }
                }

                text.Append(word);
                column += word.Length;
                atLineStart = false;
            }
        }

        return text.ToString();
    }

    internal readonly record struct Sentence(string Text, bool StartsParagraph);
}
