using DailyPapers.Infrastructure.Accounts;
using DailyPapers.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;

namespace DailyPapers.Infrastructure.Signals;

/// <summary>
/// The tables of a reader's signals for "for you": collections and their papers, "not interested", picks and follows.
/// Every row belongs to one account and goes with it (cascade), so deleting an account leaves nothing of the reader.
/// </summary>
internal static class SignalsModel
{
    public const int MaxCollectionName = 100;
    public const int MaxSlug = 60;
    public const int MaxNote = 2_000;
    public const int MaxFollowKey = 200;

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CollectionEntity>(collection =>
        {
            collection.ToTable("collections");
            collection.Property(c => c.UserId).HasMaxLength(450);
            collection.Property(c => c.Name).HasMaxLength(MaxCollectionName);
            collection.Property(c => c.Slug).HasMaxLength(MaxSlug);
            collection.HasIndex(c => new { c.UserId, c.Slug }).IsUnique();
            collection.HasOne<UserEntity>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SavedPaperEntity>(saved =>
        {
            saved.ToTable("saved_papers");
            saved.HasKey(s => new { s.CollectionId, s.PaperId });
            saved.Property(s => s.PaperId).HasMaxLength(40);
            saved.Property(s => s.Note).HasMaxLength(MaxNote);
            saved.HasIndex(s => s.PaperId);
            saved.HasOne<CollectionEntity>().WithMany().HasForeignKey(s => s.CollectionId).OnDelete(DeleteBehavior.Cascade);
            saved.HasOne<PaperEntity>().WithMany().HasForeignKey(s => s.PaperId);
        });

        builder.Entity<DismissalEntity>(dismissal =>
        {
            dismissal.ToTable("dismissals");
            dismissal.HasKey(d => new { d.UserId, d.PaperId });
            dismissal.Property(d => d.UserId).HasMaxLength(450);
            dismissal.Property(d => d.PaperId).HasMaxLength(40);
            dismissal.HasOne<UserEntity>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
            dismissal.HasOne<PaperEntity>().WithMany().HasForeignKey(d => d.PaperId);
        });

        builder.Entity<PickEntity>(pick =>
        {
            pick.ToTable("picks");
            pick.HasKey(p => new { p.UserId, p.PaperId });
            pick.Property(p => p.UserId).HasMaxLength(450);
            pick.Property(p => p.PaperId).HasMaxLength(40);
            pick.HasOne<UserEntity>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
            pick.HasOne<PaperEntity>().WithMany().HasForeignKey(p => p.PaperId);
        });

        builder.Entity<FollowEntity>(follow =>
        {
            follow.ToTable("follows");
            follow.HasKey(f => new { f.UserId, f.Kind, f.Key });
            follow.Property(f => f.UserId).HasMaxLength(450);
            follow.Property(f => f.Key).HasMaxLength(MaxFollowKey);
            follow.Property(f => f.Label).HasMaxLength(MaxFollowKey);
            follow.HasOne<UserEntity>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
