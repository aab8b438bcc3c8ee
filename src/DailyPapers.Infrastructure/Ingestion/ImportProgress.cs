namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>How far an import has got: bytes of input read out of the total, and records written so far.</summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, int Records, string CurrentFile);
