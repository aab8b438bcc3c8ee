using DailyPapers.Core.Papers;
using DailyPapers.Tests.Search.Lexical;

namespace DailyPapers.Tests.Search.Hybrid;

/// <summary>
/// Six papers where meaning and words part ways: the dog paper never says "dog", so only vectors connect it to a
/// query about dogs; the two protein papers share a topic but not their wording.
/// </summary>
internal static class Corpus
{
    public const string Canine = "2506.10001";
    public const string Protein = "2506.10002";
    public const string Folding = "2506.10003";
    public const string Translation = "2506.10004";
    public const string Bert = "2506.10005";
    public const string Galaxies = "2506.10006";

    public static SourceItem[] Papers =>
    [
        LexicalPapers.Paper(Canine, "Classifying canine breeds from photographs", "We recognise the breed of a puppy or hound in images with a convolutional network trained on pet photos.", ["Ada Lovelace"], "cs.CV", new DateOnly(2025, 6, 2), upvotes: 3),
        LexicalPapers.Paper(Protein, "Predicting protein structure with attention", "A transformer predicts the three-dimensional structure of proteins from amino acid sequences.", ["Grace Hopper"], "q-bio.BM", new DateOnly(2025, 6, 3), upvotes: 10, githubRepo: "https://github.com/x/protein"),
        LexicalPapers.Paper(Folding, "Learning how polypeptide chains fold", "Deep networks learn the folding of amino-acid chains into their native shapes.", ["Alan Turing"], "q-bio.BM", new DateOnly(2025, 6, 4), upvotes: 1),
        LexicalPapers.Paper(Translation, "Neural machine translation between English and German", "Sequence to sequence models translate sentences from English into German.", ["Ada Lovelace"], "cs.CL", new DateOnly(2025, 6, 5), upvotes: 7),
        LexicalPapers.Paper(Bert, "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding", "We introduce a language representation model pre-trained on unlabeled text.", ["Jacob Devlin"], "cs.CL", new DateOnly(2025, 6, 6), upvotes: 50),
        LexicalPapers.Paper(Galaxies, "A survey of spiral galaxies", "We catalogue the rotation curves of nearby spiral galaxies observed with radio telescopes.", ["Vera Rubin"], "astro-ph.GA", new DateOnly(2025, 6, 7), upvotes: 0),
    ];
}
