using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NpgsqlTypes;

namespace DailyPapers.Infrastructure.Storage.Copy;

/// <summary>
/// One column as both stores hold it: the type each provider stores (with EF's converter to the application's value,
/// an enum's number for example) and the PostgreSQL type it is written as.
/// </summary>
internal sealed record CopyColumn(
    string Name, Type SourceType, ValueConverter? SourceConverter, Type TargetType, ValueConverter? TargetConverter, NpgsqlDbType TargetDbType);

/// <summary>A table of the model: its columns in one order for both stores, and its primary key.</summary>
internal sealed record CopyTable(string Name, IReadOnlyList<CopyColumn> Columns, IReadOnlyList<CopyColumn> Key, bool IsSeeded)
{
    public string ColumnList => string.Join(", ", Columns.Select(c => Quote(c.Name)));

    public string KeyList => string.Join(", ", Key.Select(c => Quote(c.Name)));

    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>
/// What <c>store copy</c> copies, read from the EF model rather than listed by hand, so a table added by a later
/// migration is copied too. The models are the design-time ones (the runtime model leaves out what migrations
/// know, such as seed data and tables excluded from migrations): every table of the PostgreSQL model (the target's columns and types), matched by name with
/// the SQLite model (the source's), ordered so that a table comes after the tables its foreign keys point at.
/// </summary>
internal static class CopyPlan
{
    public static IReadOnlyList<CopyTable> Build(IModel sqliteModel, IModel postgresModel)
    {
        var sources = sqliteModel.GetRelationalModel().Tables.Where(t => !t.IsExcludedFromMigrations).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var targets = postgresModel.GetRelationalModel().Tables.Where(t => !t.IsExcludedFromMigrations).ToList();
        var tables = new Dictionary<string, CopyTable>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            if (!sources.TryGetValue(target.Name, out var source))
            {
                throw new InvalidOperationException($"the PostgreSQL model has the table {target.Name} and the SQLite model has not");
            }

            var columns = new List<CopyColumn>();
            foreach (var column in target.Columns)
            {
                var from = source.FindColumn(column.Name)
                    ?? throw new InvalidOperationException($"{target.Name}.{column.Name} is in the PostgreSQL model and not in the SQLite model");
                columns.Add(new CopyColumn(
                    column.Name,
                    Unwrap(from.ProviderClrType),
                    from.StoreTypeMapping.Converter,
                    Unwrap(column.ProviderClrType),
                    column.StoreTypeMapping.Converter,
                    CopyValue.DbType(target.Name, column.Name, column.StoreType)));
            }

            var key = target.PrimaryKey?.Columns.Select(k => columns.Single(c => c.Name == k.Name)).ToList()
                ?? throw new InvalidOperationException($"the table {target.Name} has no primary key, so a copy of it could not be resumed");
            // Rows the migrations themselves insert (the counters at 0).
            var seeded = target.EntityTypeMappings.Any(m => m.TypeBase is IEntityType entity && entity.GetSeedData().Any());
            tables.Add(target.Name, new CopyTable(target.Name, columns, key, seeded));
        }

        // Parents before children (a comment's paper before the comment); a table's references to itself (a reply's
        // parent comment) are met by copying in key order, as ids grow with time.
        var ordered = new List<CopyTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var remaining = targets.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (remaining.Count > 0)
        {
            var ready = remaining.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || placed.Contains(fk.PrincipalTable.Name)))
                ?? throw new InvalidOperationException($"the foreign keys of {string.Join(", ", remaining.Select(t => t.Name))} form a cycle");
            ordered.Add(tables[ready.Name]);
            placed.Add(ready.Name);
            remaining.Remove(ready);
        }

        return ordered;
    }

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
