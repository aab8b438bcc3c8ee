using System.Data.Common;

namespace DailyPapers.Infrastructure.Ingestion;

/// <summary>An upsert through ADO.NET parameters (PostgreSQL), one execution per row.</summary>
internal sealed class CommandStatementWriter : IUpsertStatement
{
    private readonly DbCommand _command;
    private int _next;

    public CommandStatementWriter(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = sql;
        for (var p = 0; p < parameters; p++)
        {
            var parameter = _command.CreateParameter();
            parameter.ParameterName = $"@p{p}";
            parameter.Value = DBNull.Value;
            _command.Parameters.Add(parameter);
        }
    }

    public void Text(string? value) => Set(value);

    public void Int(int? value) => Set(value);

    public void Long(long value) => Set(value);

    public void Bool(bool value) => Set(value);

    // Npgsql refuses a DateTime of unspecified kind for timestamptz; SQLite reads them back unspecified.
    public void Time(DateTime? value) => Set(value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null);

    public void Day(DateOnly value) => Set(value);

    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        if (_next != _command.Parameters.Count)
        {
            throw new InvalidOperationException($"{_next} values given for {_command.Parameters.Count} parameters.");
        }

        _next = 0;
        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private void Set(object? value) => _command.Parameters[_next++].Value = value ?? DBNull.Value;
}
