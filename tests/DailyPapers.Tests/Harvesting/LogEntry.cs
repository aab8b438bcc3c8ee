using Microsoft.Extensions.Logging;

namespace DailyPapers.Tests.Harvesting;

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
