namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>
/// A prepared upsert that takes one row's values in column order, then runs. Each provider binds the values its own
/// way; the order is written once per table (<see cref="PaperSql"/>).
/// </summary>
internal interface IUpsertStatement : IAsyncDisposable
{
    void Text(string? value);

    void Int(int? value);

    void Long(long value);

    void Bool(bool value);

    void Time(DateTime? value);

    void Day(DateOnly value);

    /// <summary>Runs the statement with the values given since the last run.</summary>
    ValueTask RunAsync(CancellationToken cancellationToken);
}
