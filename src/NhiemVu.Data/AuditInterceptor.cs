using System.Text;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NhiemVu.Data;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every inserted, updated or deleted entity in the same
/// SaveChanges (so the audit line and the change commit together), and refuses any attempt to
/// change or delete audit lines.
/// </summary>
public sealed class AuditInterceptor(ICurrentActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Value", "Xml",
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Append(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Append(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Append(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
        var lines = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                    throw new InvalidOperationException("The audit log is append-only.");
                continue;
            }
            if (entry.Entity is DataProtectionKey or INotAudited) continue;
            // The bytes are not audit material; the StoredFile line (name, size, SHA-256) is.
            if (entry.Entity is FileBlob) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Metadata.IsOwned()) continue;

            lines.Add(new AuditEntry
            {
                AtUtc = now,
                UserId = actor.UserId,
                UserName = actor.UserName,
                IpAddress = actor.IpAddress,
                Action = $"{entry.Metadata.ClrType.Name}.{entry.State}",
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = KeyOf(entry),
                Details = Describe(entry),
            });
        }
        if (lines.Count > 0) context.Set<AuditEntry>().AddRange(lines);
    }

    private static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        if (key is null) return "";
        return string.Join(",", key.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
    }

    private static string? Describe(EntityEntry entry)
    {
        var sb = new StringBuilder();
        foreach (var p in entry.Properties)
        {
            if (entry.State == EntityState.Modified && !p.IsModified) continue;
            if (entry.State == EntityState.Deleted) break;
            if (p.Metadata.IsPrimaryKey()) continue;
            var name = p.Metadata.Name;
            string Show(object? v) => Secret.Contains(name) ? "***" : Truncate(v?.ToString() ?? "∅");
            if (sb.Length > 0) sb.Append("; ");
            sb.Append(name).Append(": ");
            if (entry.State == EntityState.Modified) sb.Append(Show(p.OriginalValue)).Append(" → ");
            sb.Append(Show(p.CurrentValue));
            if (sb.Length > 3800) break;
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200] + "…";
}
