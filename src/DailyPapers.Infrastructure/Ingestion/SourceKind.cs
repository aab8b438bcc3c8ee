namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>The file layouts <c>dailypapers import</c> reads.</summary>
public enum SourceKind
{
    /// <summary>Kaggle's arxiv-metadata-oai-snapshot.json: one JSON object per line, plain or gzip.</summary>
    Kaggle = 0,

    /// <summary>Hugging Face /api/daily_papers responses: one file, or a folder of them.</summary>
    HfDaily = 1,

    /// <summary>arXiv API (Atom) responses.</summary>
    ArxivAtom = 2,

    /// <summary>OAI-PMH ListRecords / GetRecord responses.</summary>
    OaiPmh = 3,
}
