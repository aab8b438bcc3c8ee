namespace DailyPapers.Infrastructure.Search.Embeddings;

/// <summary>
/// The <c>Search:Embeddings</c> configuration section. The initial values repeat appsettings.json so that a host
/// without that file (a test, a benchmark) embeds the same way.
/// </summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Search:Embeddings";

    /// <summary>Off: no model is loaded and search is lexical only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether the running app embeds new papers itself. Turn it off on all but one web node, or to leave embedding
    /// to <c>dailypapers embed</c>: it takes both cores while it runs (about 40 abstracts a second at 128 tokens).
    /// </summary>
    public bool Background { get; set; } = true;

    /// <summary>How often the app looks for papers without vectors, and for vectors written by other processes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Changing the model makes every stored vector stale: they must be embedded again.</summary>
    public EmbeddingModelKind Model { get; set; } = EmbeddingModelKind.MiniLm;

    /// <summary>
    /// Which papers get a vector, by the date of their first version: empty for all, a date (<c>2023-01-01</c>) or a
    /// period back from today (<c>P3Y</c>, <c>P18M</c>, <c>P90D</c>); see <see cref="EmbeddingWindow"/>. Older papers are
    /// found by words only, and the embedding backlog counts only papers inside the window.
    /// </summary>
    public string? Since { get; set; }

    /// <summary>ONNX Runtime threads for one inference; 2 matches the 2-core machines this runs on.</summary>
    public int IntraOpThreads { get; set; } = 2;

    /// <summary>
    /// Where a text is cut, [CLS] and [SEP] included (at most 512, the models' own limit); the reference MiniLM model
    /// uses 256. An arXiv abstract is 275 tokens on average, so 128 runs the model on half the tokens: about 1.9 times
    /// the papers a second, for nDCG@10 on NFCorpus 0.314 against 0.317 (hybrid 0.348 against 0.352) and known-item
    /// MRR@10 on 2,000 HF papers 0.965 against 0.982 (docs/benchmarks.md, "Embedding speed (issue 14)"). Vectors
    /// already stored keep the limit they were made with (only long texts differ, in the same space), so a change needs
    /// no re-embedding.
    /// </summary>
    public int MaxTokens { get; set; } = 128;

    /// <summary>
    /// The most texts per inference when embedding many. Measured on 2 cores with 208 HF titles (about 20 tokens):
    /// 269 texts/s one at a time, 372 at 4 or 8, 341 at 16.
    /// </summary>
    public int BatchSize { get; set; } = 8;

    /// <summary>
    /// The most tokens per inference, padding included, once a batch holds more than one text. Measured with 208
    /// HF abstracts (about 240 tokens): 25 texts/s alone, in pairs or fours, 21 at 8, 20 at 16; so long texts go
    /// alone and short ones share (at 128 tokens, in pairs: re-measured for issue 14, docs/benchmarks.md).
    /// </summary>
    public int BatchTokens { get; set; } = 256;
}
