using DailyPapers.Infrastructure.Storage;
using Npgsql;

namespace DailyPapers.Tests.Storage;

/// <summary>PostgreSQL connections prepare their frequent statements unless the operator's connection string says otherwise.</summary>
public sealed class AutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_automatic_preparation_and_keeps_the_rest()
    {
        var prepared = new NpgsqlConnectionStringBuilder(StoreContextFactory.WithAutoPrepare("Host=db;Database=papers;Username=app;Password=secret"));

        Assert.Equal((30, 2), (prepared.MaxAutoPrepare, prepared.AutoPrepareMinUsages));
        Assert.Equal(("db", "papers", "app"), (prepared.Host, prepared.Database, prepared.Username));
    }

    [Theory]
    [InlineData("Host=db;Database=papers;Max Auto Prepare=0")]
    [InlineData("Host=db;Database=papers;maxautoprepare=5")]
    public void An_operators_own_setting_is_kept(string connectionString) =>
        Assert.Equal(connectionString, StoreContextFactory.WithAutoPrepare(connectionString));

    [Fact]
    public void An_unreadable_connection_string_is_left_for_the_store_to_report() =>
        Assert.Equal("Host=db;Nonsense Key=1", StoreContextFactory.WithAutoPrepare("Host=db;Nonsense Key=1"));
}
