using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NhiemVu.Data;

/// <summary>
/// An interceptor that adds or changes tracked entities just before a save of an <see cref="AppDbContext"/>, so they are
/// written in the same transaction: the synchronous save waits for <see cref="BeforeSaveAsync"/>, the asynchronous one awaits it.
/// </summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    protected abstract Task BeforeSaveAsync(AppDbContext db, CancellationToken ct);

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db) BeforeSaveAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public sealed override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db) await BeforeSaveAsync(db, cancellationToken);
        return result;
    }
}
