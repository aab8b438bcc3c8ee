using DailyPapers.Infrastructure.Storage;
using DailyPapers.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Tests.Cli;

/// <summary>The user verbs as an operator runs them: passwords on standard input, clear refusals.</summary>
public sealed class UserCommandTests
{
    [Fact]
    public async Task Create_then_add_admin_makes_an_administrator_once()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);

        var tooShort = await CliProcess.RunWithInputAsync(store.Settings, "short\n", "user", "create", "ada@example.org", "--password-stdin");
        var created = await CliProcess.RunWithInputAsync(store.Settings, "correct horse battery\n", "user", "create", "ada@example.org", "--password-stdin");
        var again = await CliProcess.RunWithInputAsync(store.Settings, "correct horse battery\n", "user", "create", "ada@example.org", "--password-stdin");
        var admin = await CliProcess.RunAsync(store.Settings, "user", "add-admin", "ada@example.org");
        var adminAgain = await CliProcess.RunAsync(store.Settings, "user", "add-admin", "ada@example.org");
        var unknown = await CliProcess.RunAsync(store.Settings, "user", "add-admin", "nobody@example.org");
        var noStdin = await CliProcess.RunAsync(store.Settings, "user", "create", "bob@example.org");

        Assert.Equal((1, true), (tooShort.ExitCode, tooShort.Output.Contains("at least 10 characters", StringComparison.Ordinal)));
        Assert.Equal(0, created.ExitCode);
        Assert.Equal((1, true), (again.ExitCode, again.Output.Contains("already taken", StringComparison.Ordinal)));
        Assert.Equal((0, true), (admin.ExitCode, admin.Output.Contains("is now an administrator", StringComparison.Ordinal)));
        Assert.Equal((0, true), (adminAgain.ExitCode, adminAgain.Output.Contains("already an administrator", StringComparison.Ordinal)));
        Assert.Equal((1, true), (unknown.ExitCode, unknown.Output.Contains("no account has the email", StringComparison.Ordinal)));
        Assert.Equal((1, true), (noStdin.ExitCode, noStdin.Output.Contains("--password-stdin", StringComparison.Ordinal)));
        await using var context = store.Factory.CreateContext();
        Assert.Equal(1, await context.Users.CountAsync());
        Assert.Equal(1, await context.UserRoles.CountAsync());
    }
}
