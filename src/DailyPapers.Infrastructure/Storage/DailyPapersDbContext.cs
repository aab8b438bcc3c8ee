using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Community;
using DailyPapers.Infrastructure.Digests;
using DailyPapers.Infrastructure.Signals;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Storage;

/// <summary>
/// The store's model, shared by both providers. Each provider has its own subclass so that each keeps its own
/// migrations (rule: every migration is added for every provider — see docs/storage.md).
/// </summary>
public abstract class DailyPapersDbContext(DbContextOptions options) : IdentityDbContext<UserEntity>(options), IDataProtectionKeyContext
{
    public DbSet<PaperEntity> Papers => Set<PaperEntity>();

    public DbSet<ListingEntity> Listings => Set<ListingEntity>();

    public DbSet<StoreCounterEntity> Counters => Set<StoreCounterEntity>();

    public DbSet<SyncStateEntity> SyncStates => Set<SyncStateEntity>();

    public DbSet<PaperVectorEntity> PaperVectors => Set<PaperVectorEntity>();

    public DbSet<AccessTokenEntity> AccessTokens => Set<AccessTokenEntity>();

    public DbSet<VoteEntity> Votes => Set<VoteEntity>();

    public DbSet<CommentEntity> Comments => Set<CommentEntity>();

    public DbSet<SubmissionEntity> Submissions => Set<SubmissionEntity>();

    public DbSet<SubscriptionEntity> Subscriptions => Set<SubscriptionEntity>();

    public DbSet<SavedSearchEntity> SavedSearches => Set<SavedSearchEntity>();

    public DbSet<OutboxEntity> Outbox => Set<OutboxEntity>();

    public DbSet<CollectionEntity> Collections => Set<CollectionEntity>();

    public DbSet<SavedPaperEntity> SavedPapers => Set<SavedPaperEntity>();

    public DbSet<DismissalEntity> Dismissals => Set<DismissalEntity>();

    public DbSet<PickEntity> Picks => Set<PickEntity>();

    public DbSet<FollowEntity> Follows => Set<FollowEntity>();

    /// <summary>The keys that protect sign-in cookies and tokens, shared by every web node through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract StoreProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Identity's tables under plain names (asp_net_users would tell an operator nothing).
        builder.Entity<UserEntity>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.Handle).HasMaxLength(40);
            user.HasIndex(u => u.Handle).IsUnique();
            user.Property(u => u.FeedSecret).HasMaxLength(64);
        });
        SignalsModel.Configure(builder);
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<AccessTokenEntity>(token =>
        {
            token.ToTable("access_tokens");
            token.Property(t => t.UserId).HasMaxLength(450);
            token.Property(t => t.Name).HasMaxLength(100);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.Property(t => t.Prefix).HasMaxLength(20);
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.HasOne<UserEntity>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<PaperEntity>(paper =>
        {
            paper.ToTable("papers");
            paper.HasKey(p => p.Id);
            paper.Property(p => p.Id).HasMaxLength(40);
            paper.Property(p => p.Title).HasMaxLength(2000);
            paper.HasIndex(p => p.ChangeSeq);
            // GET /api/papers walks every paper newest first by a cursor: the last page costs what the first does.
            paper.HasIndex(p => new { p.SubmittedAt, p.Id });
            // Defaults in the schema: the import's upserts name their columns and never touch these.
            paper.Property(p => p.IsHidden).HasDefaultValue(false);
            paper.Property(p => p.LocalVotes).HasDefaultValue(0);
            paper.Property(p => p.LocalComments).HasDefaultValue(0);
            paper.HasMany(p => p.Listings).WithOne(l => l.Paper).HasForeignKey(l => l.PaperId);
        });

        builder.Entity<ListingEntity>(listing =>
        {
            listing.ToTable("listings");
            // One listing per paper, day and source: the key that makes every import idempotent.
            listing.HasKey(l => new { l.PaperId, l.Day, l.Source });
            listing.Property(l => l.PaperId).HasMaxLength(40);
            listing.HasIndex(l => new { l.Day, l.Source });
        });

        builder.Entity<VoteEntity>(vote =>
        {
            vote.ToTable("votes");
            vote.HasKey(v => new { v.PaperId, v.UserId });
            vote.Property(v => v.PaperId).HasMaxLength(40);
            vote.Property(v => v.UserId).HasMaxLength(450);
            vote.HasIndex(v => new { v.UserId, v.VotedAt });
            vote.HasIndex(v => v.VotedAt);
            vote.HasOne<PaperEntity>().WithMany().HasForeignKey(v => v.PaperId);
            vote.HasOne<UserEntity>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CommentEntity>(comment =>
        {
            comment.ToTable("comments");
            comment.Property(c => c.PaperId).HasMaxLength(40);
            comment.Property(c => c.UserId).HasMaxLength(450);
            comment.HasIndex(c => new { c.PaperId, c.Id });
            comment.HasIndex(c => new { c.UserId, c.CreatedAt });
            comment.HasOne<PaperEntity>().WithMany().HasForeignKey(c => c.PaperId);
            comment.HasOne<UserEntity>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
            comment.HasOne<CommentEntity>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SubmissionEntity>(submission =>
        {
            submission.ToTable("submissions");
            submission.Property(s => s.PaperId).HasMaxLength(40);
            submission.Property(s => s.UserId).HasMaxLength(450);
            submission.Property(s => s.Comment).HasMaxLength(1000);
            submission.HasIndex(s => new { s.PaperId, s.Version }).IsUnique();
            submission.HasIndex(s => new { s.UserId, s.CreatedAt });
            submission.HasOne<PaperEntity>().WithMany().HasForeignKey(s => s.PaperId);
            submission.HasOne<UserEntity>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<SubscriptionEntity>(subscription =>
        {
            subscription.ToTable("subscriptions");
            subscription.Property(s => s.Email).HasMaxLength(254);
            subscription.Property(s => s.NormalizedEmail).HasMaxLength(254);
            subscription.HasIndex(s => s.NormalizedEmail).IsUnique();
            subscription.Property(s => s.TokenSecret).HasMaxLength(64);
            subscription.Property(s => s.UserId).HasMaxLength(450);
            subscription.Property(s => s.LastFailure).HasMaxLength(500);
            subscription.HasIndex(s => s.Status);
        });

        builder.Entity<SavedSearchEntity>(search =>
        {
            search.ToTable("saved_searches");
            search.Property(s => s.Query).HasMaxLength(500);
            search.Property(s => s.Categories).HasMaxLength(500);
            search.HasIndex(s => s.SubscriptionId);
            search.HasOne<SubscriptionEntity>().WithMany().HasForeignKey(s => s.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OutboxEntity>(outbox =>
        {
            outbox.ToTable("outbox");
            outbox.Property(o => o.PeriodKey).HasMaxLength(100);
            outbox.Property(o => o.ClaimedBy).HasMaxLength(100);
            outbox.Property(o => o.LastError).HasMaxLength(500);
            // The exactly-once key: a planner run can only ever add a (subscription, kind, period) once.
            outbox.HasIndex(o => new { o.SubscriptionId, o.Kind, o.PeriodKey }).IsUnique();
            outbox.HasIndex(o => new { o.Status, o.NextAttemptAt });
            outbox.HasOne<SubscriptionEntity>().WithMany().HasForeignKey(o => o.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<StoreCounterEntity>(counter =>
        {
            counter.ToTable("store_counters");
            counter.HasKey(c => c.Name);
            counter.Property(c => c.Name).HasMaxLength(64);
            counter.HasData(
                new StoreCounterEntity { Name = StoreCounterEntity.PaperChanges, Value = 0 },
                new StoreCounterEntity { Name = StoreCounterEntity.VectorChanges, Value = 0 });
        });

        builder.Entity<SyncStateEntity>(state =>
        {
            state.ToTable("sync_states");
            state.HasKey(s => s.Key);
            state.Property(s => s.Key).HasMaxLength(200);
        });

        builder.Entity<PaperVectorEntity>(vector =>
        {
            vector.ToTable("paper_vectors");
            vector.HasKey(v => new { v.PaperId, v.Model });
            vector.Property(v => v.PaperId).HasMaxLength(40);
            vector.Property(v => v.Model).HasMaxLength(100);
            // Each node's vector index reads on from the last sequence it loaded.
            vector.HasIndex(v => new { v.Model, v.VectorSeq });
        });
    }
}
