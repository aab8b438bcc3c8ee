using DailyPapers.Infrastructure.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DailyPapers.Infrastructure.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>Role of the people who moderate (<c>dailypapers user add-admin EMAIL</c>).</summary>
    public const string AdminRole = "admin";

    /// <summary>Role of suspended accounts: they may not sign in or use their tokens (<c>dailypapers user suspend</c>).</summary>
    public const string SuspendedRole = "suspended";

    /// <summary>
    /// ASP.NET Core Identity on the store: users and roles in its tables, passwords of at least 10 characters without
    /// composition rules (NIST SP 800-63B: length helps, forced symbols do not), unique emails as user names, and a
    /// 15-minute lockout after 5 failed sign-ins. The web host adds cookies and sign-in on top; CLI verbs use the
    /// user manager alone.
    /// </summary>
    public static IdentityBuilder AddAccounts(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton<UnknownAccountLockout>();
        // Identity's stores resolve the context from the container; each scope gets its own, made by the store's factory.
        services.AddScoped(provider => provider.GetRequiredService<StoreContextFactory>().CreateContext());
        // Keys in the database, under one application name: a cookie issued by one web node is read by all of them.
        services.AddSingleton<AccessTokens>();
        services.AddSingleton<AccountExport>();
        services.AddSingleton<AccountDeletion>();
        services.AddScoped<AccountCreator>();
        services.AddScoped<AccountSuspension>();
        services.AddDataProtection().SetApplicationName("DailyPapers").PersistKeysToDbContext<DailyPapersDbContext>();
        return services.AddIdentityCore<UserEntity>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                // "Confirmed" here means "not suspended" (SuspensionCheck); email confirmation comes with email delivery.
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DailyPapersDbContext>()
            .AddDefaultTokenProviders()
            .AddUserConfirmation<SuspensionCheck>();
    }

    /// <summary><see cref="AddAccounts"/> for a chain of registrations (the CLI's).</summary>
    public static IServiceCollection AddAccountServices(this IServiceCollection services)
    {
        services.AddAccounts();
        return services;
    }
}
