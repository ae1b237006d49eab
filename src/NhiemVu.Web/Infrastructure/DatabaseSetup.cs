using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;

namespace NhiemVu.Web.Infrastructure;

/// <summary>
/// One setting, <c>Database:Provider</c>, picks SQLite (the embedded default) or PostgreSQL; each
/// provider has its own committed migrations assembly, applied at start-up. Contexts are pooled
/// (a request reuses a reset context instead of building one), so the interceptors are singletons.
/// </summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string Provider(IConfiguration config) => config["Database:Provider"] ?? Sqlite;

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var provider = Provider(config);
        string cs;
        if (string.Equals(provider, Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            cs = config.GetConnectionString(Sqlite) ?? "Data Source=data/nhiemvu.db";
            var builder = new SqliteConnectionStringBuilder(cs);
            if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
                builder.DataSource = Path.Combine(env.ContentRootPath, builder.DataSource);
            var dir = Path.GetDirectoryName(builder.DataSource);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            builder.DefaultTimeout = 30;
            cs = builder.ToString();
            services.AddDbContextPool<AppDbContext>((sp, o) => o
                .UseSqlite(cs, x => x.MigrationsAssembly("NhiemVu.Migrations.Sqlite"))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Features.Notifications.NotificationInterceptor>(),
                    sp.GetRequiredService<Features.Timeliness.TimelinessInterceptor>(), sp.GetRequiredService<Features.Reports.ReportIntervalInterceptor>(),
                    sp.GetRequiredService<Caching.NameVersionInterceptor>(),
                    SqlitePragmas.Instance));
            services.AddHostedService<SqliteStatisticsService>();
        }
        else if (string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase))
        {
            cs = config.GetConnectionString(Postgres)
                 ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Database:Provider is Postgres.");
            cs = PostgresDefaults(cs);
            services.AddDbContextPool<AppDbContext>((sp, o) => o
                .UseNpgsql(cs, x => x.MigrationsAssembly("NhiemVu.Migrations.Postgres"))
                .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<Features.Notifications.NotificationInterceptor>(),
                    sp.GetRequiredService<Features.Timeliness.TimelinessInterceptor>(), sp.GetRequiredService<Features.Reports.ReportIntervalInterceptor>(),
                    sp.GetRequiredService<Caching.NameVersionInterceptor>()));
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}'. Use Sqlite or Postgres.");
        }
        return services;
    }

    /// <summary>
    /// Per-statement cost on the server (issue 6): every request runs the same few statements, so
    /// Npgsql prepares them automatically (PostgreSQL then parses and plans each once per connection
    /// instead of on every execution), and a connection going back to the pool is not reset
    /// (<c>DISCARD ALL</c> would also drop those prepared statements; the app sets no session state).
    /// The pool holds at most <see cref="DefaultMaxPoolSize"/> connections (Npgsql's own default is 100): PostgreSQL does
    /// its work on its cores, and 64 busy backends on a 2-core server only contend — at L with 64 clients the
    /// database's CPU per request fell by a tenth and the mix gained 5–14 % (bench/README.md); requests beyond the
    /// pool wait for a connection for a few milliseconds. It also leaves room under PostgreSQL's default
    /// <c>max_connections</c> (100) for a second instance. A connection string that names any of these settings keeps
    /// its own value.
    /// </summary>
    public const int DefaultMaxPoolSize = 16;

    public static string PostgresDefaults(string cs)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = cs };
        // Each setting the string names, under Npgsql's own name for it (a synonym such as MaxPoolSize counts).
        var named = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in given.Keys)
            foreach (string canonical in new Npgsql.NpgsqlConnectionStringBuilder { [key] = given[key] }.Keys)
                named.Add(canonical);
        bool Named(string key) => named.Contains(key);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(cs);
        if (!Named("Max Auto Prepare")) b.MaxAutoPrepare = 50;
        if (!Named("Auto Prepare Min Usages")) b.AutoPrepareMinUsages = 2;
        if (!Named("No Reset On Close")) b.NoResetOnClose = true;
        if (!Named("Maximum Pool Size")) b.MaxPoolSize = DefaultMaxPoolSize;
        // PostgreSQL's JIT compiles the expressions of any query it estimates as large — the reports' GROUP BY over the
        // report intervals — which costs ~100 ms per such query and wins nothing at these sizes. Off for the app's
        // sessions unless the connection string sets its own options.
        if (string.IsNullOrEmpty(b.Options)) b.Options = "-c jit=off";
        return b.ConnectionString;
    }

    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        await Features.Reports.ReportIntervalBackfill.RunAsync(app.Services, app.Logger);
        var roles = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<AppRole>>();
        try { await Features.Accounts.RoleSeeder.EnsureRolesAsync(roles); }
        catch (DbUpdateException) { /* another instance created them at the same moment */ }
    }

    /// <summary>SQLite's statistics, gathered once the data is there (after the migrations and any demo data): <see cref="SqliteStatistics"/>.</summary>
    public static async Task GatherDatabaseStatisticsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await SqliteStatistics.RefreshAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}

/// <summary>WAL and a busy timeout make SQLite tolerate a reader and a writer at once.</summary>
internal sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    public override void ConnectionOpened(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection,
        Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        cmd.ExecuteNonQuery();
    }
}

/// <summary>/health answers 200 only when the database answers.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public async Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
        }
        catch (Exception ex)
        {
            return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Unhealthy("database error", ex);
        }
    }
}
