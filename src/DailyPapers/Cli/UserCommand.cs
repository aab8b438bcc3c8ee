using System.CommandLine;
using DailyPapers.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Spectre.Console;

namespace DailyPapers.Cli;

/// <summary><c>dailypapers user create|add-admin</c>: accounts for operators, without the web pages.</summary>
internal static class UserCommand
{
    public static Command Build()
    {
        var user = new Command("user", "Manage accounts.");

        var email = new Argument<string>("EMAIL") { Description = "The account's email address" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (one line)" };
        var create = new Command("create", "Create an account (the password is read from standard input).") { email, passwordStdin };
        create.SetAction((parse, ct) => CreateAsync(parse.GetValue(email)!, parse.GetValue(passwordStdin), parse.GetValue(CommandLine.Data), ct));
        user.Subcommands.Add(create);

        var adminEmail = new Argument<string>("EMAIL") { Description = "The email of an existing account" };
        var addAdmin = new Command("add-admin", "Make an existing account an administrator (moderation).") { adminEmail };
        addAdmin.SetAction((parse, ct) => AddAdminAsync(parse.GetValue(adminEmail)!, parse.GetValue(CommandLine.Data), ct));
        user.Subcommands.Add(addAdmin);

        foreach (var (verb, suspend, description) in new[]
        {
            ("suspend", true, "Suspend an account: it can no longer sign in or use its tokens; nothing is deleted."),
            ("restore", false, "Lift a suspension."),
        })
        {
            var target = new Argument<string>("EMAIL") { Description = "The email of an existing account" };
            var command = new Command(verb, description) { target };
            command.SetAction((parse, ct) => SuspendAsync(parse.GetValue(target)!, suspend, parse.GetValue(CommandLine.Data), ct));
            user.Subcommands.Add(command);
        }

        var tokenEmail = new Argument<string>("EMAIL") { Description = "The email of an existing account" };
        var tokenName = new Option<string>("--name") { Description = "What the token is for, to recognise it later", DefaultValueFactory = _ => "cli" };
        var token = new Command("token", "Create a personal access token for the JSON API (printed once).") { tokenEmail, tokenName };
        token.SetAction((parse, ct) => TokenAsync(parse.GetValue(tokenEmail)!, parse.GetValue(tokenName)!, parse.GetValue(CommandLine.Data), ct));
        user.Subcommands.Add(token);
        return user;
    }

    private static async Task<int> CreateAsync(string email, bool passwordStdin, string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        if (!passwordStdin)
        {
            console.WriteLine("error: give --password-stdin and the password on standard input (a password on the command line would stay in the shell history).");
            return 1;
        }

        var password = (await Console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? "";
        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        using var scope = services.CreateScope();
        var creator = scope.ServiceProvider.GetRequiredService<AccountCreator>();
        var (account, result) = await creator.CreateAsync(email, password, cancellationToken);
        if (!result.Succeeded)
        {
            console.WriteLine($"error: cannot create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return 1;
        }

        console.WriteLine($"Created the account {account.Email}.");
        return 0;
    }

    private static async Task<int> AddAdminAsync(string email, string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            console.WriteLine($"error: no account has the email {email}. Sign up on the site first, or run `dailypapers user create {email} --password-stdin`.");
            return 1;
        }

        if (!await roles.RoleExistsAsync(AccountServiceCollectionExtensions.AdminRole))
        {
            await roles.CreateAsync(new IdentityRole(AccountServiceCollectionExtensions.AdminRole));
        }

        if (await users.IsInRoleAsync(account, AccountServiceCollectionExtensions.AdminRole))
        {
            console.WriteLine($"{account.Email} is already an administrator.");
            return 0;
        }

        var result = await users.AddToRoleAsync(account, AccountServiceCollectionExtensions.AdminRole);
        console.WriteLine(result.Succeeded
            ? $"{account.Email} is now an administrator."
            : $"error: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        return result.Succeeded ? 0 : 1;
    }

    private static async Task<int> TokenAsync(string email, string name, string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        using var scope = services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>().FindByEmailAsync(email);
        if (account is null)
        {
            console.WriteLine($"error: no account has the email {email}.");
            return 1;
        }

        var token = await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(account.Id, name, cancellationToken);
        // Alone on stdout, so that a script can capture it; it is not shown again.
        Console.Out.WriteLine(token);
        Console.Error.WriteLine($"Created a token for {account.Email}; only its hash is stored, so keep this copy.");
        return 0;
    }

    private static async Task<int> SuspendAsync(string email, bool suspend, string? dataOption, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Console;
        await using var services = await CliServices.StartAsync(dataOption, cancellationToken);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<UserEntity>>();
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            console.WriteLine($"error: no account has the email {email}.");
            return 1;
        }

        var (outcome, error) = await scope.ServiceProvider.GetRequiredService<AccountSuspension>().SetAsync(account, suspend);
        console.WriteLine(outcome switch
        {
            SuspensionOutcome.AlreadySo => $"{account.Email} is {(suspend ? "already suspended" : "not suspended")}.",
            SuspensionOutcome.Changed => $"{account.Email} is {(suspend ? "suspended" : "no longer suspended")}.",
            _ => $"error: {error}",
        });
        return outcome == SuspensionOutcome.Failed ? 1 : 0;
    }
}
