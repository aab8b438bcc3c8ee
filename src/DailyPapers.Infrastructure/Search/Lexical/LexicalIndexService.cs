using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DailyPapers.Infrastructure.Search.Lexical;

/// <summary>
/// Keeps the search index current while the app runs: a catch-up at start, then one every
/// <see cref="LexicalOptions.PollInterval"/>, so a paper imported or harvested meanwhile is findable within seconds.
/// </summary>
public sealed class LexicalIndexService(
    LexicalIndexer indexer, IOptions<LexicalOptions> options, TimeProvider clock, ILogger<LexicalIndexService> logger)
    : FollowingService(clock, logger)
{
    protected override string Subject => "The search index";

    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task FollowAsync(CancellationToken cancellationToken) => indexer.CatchUpAsync(cancellationToken);

    protected override bool IsTransient(Exception failure) => failure is LexicalIndexBusyException;
}
