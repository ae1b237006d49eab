using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace NhiemVu.Web.Tests.Infrastructure;

public enum DbProvider { Sqlite, Postgres }

/// <summary>
/// One running app on its own fresh database, with the demo province loaded and a controllable
/// clock. Test classes come in pairs, <c>XTests_Sqlite</c> and <c>XTests_Postgres</c>, deriving from
/// one abstract <c>XTests&lt;TFixture&gt;</c>, so every data test runs on both providers.
/// PostgreSQL comes from <c>NHIEMVU_TEST_PG</c> (a server connection string; ./test.sh starts a
/// throwaway cluster and sets it); each fixture creates its own database there.
/// </summary>
public abstract class AppFixture : IAsyncLifetime
{
    public const string DemoPassword = "demo-NhiemVu-2026";

    protected AppFixture(DbProvider provider) => Provider = provider;

    public DbProvider Provider { get; }
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());
    public string ConnectionString { get; private set; } = "";
    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    private string? _sqliteFile;

    /// <summary>Extra settings for a fixture (e.g. Security:RequireTwoFactorForOffice).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected virtual bool Demo => true;

    public async Task InitializeAsync()
    {
        ConnectionString = Provider == DbProvider.Sqlite ? CreateSqlite() : await CreatePostgresAsync();
        Factory = CreateFactory(ConnectionString);
        _ = Factory.Server; // start: migrate and seed now
    }

    /// <summary>A second app instance on the same database (scale-out tests).</summary>
    public WebApplicationFactory<Program> CreateFactory(string connectionString, IReadOnlyDictionary<string, string>? extra = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", Provider.ToString());
            b.UseSetting($"ConnectionStrings:{Provider}", connectionString);
            b.UseSetting("Demo", Demo ? "true" : "false");
            // Tests run the digest and the e-mail sender themselves (DigestJob/OutboxSender.RunOnceAsync).
            b.UseSetting("Notifications:RunInBackground", "false");
            b.UseSetting("Reports:WarmUp", "false");
            foreach (var (k, v) in Settings) b.UseSetting(k, v);
            foreach (var (k, v) in extra ?? new Dictionary<string, string>()) b.UseSetting(k, v);
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, LoopbackAddressFilter>();
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(Clock);
            });
        });

    private string CreateSqlite()
    {
        _sqliteFile = Path.Combine(Path.GetTempPath(), $"nhiemvu-test-{Guid.NewGuid():N}.db");
        return $"Data Source={_sqliteFile}";
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var server = Environment.GetEnvironmentVariable("NHIEMVU_TEST_PG");
        if (string.IsNullOrEmpty(server))
            throw new InvalidOperationException(
                "PostgreSQL tests need NHIEMVU_TEST_PG (a server connection string). Run ./test.sh, which starts a throwaway cluster.");
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var conn = new NpgsqlConnection(server + ";Database=postgres"))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return server + ";Database=" + name;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client carrying a bearer token for <paramref name="userName"/>.</summary>
    public async Task<HttpClient> ClientFor(string userName, string password = DemoPassword)
    {
        var token = await TokenFor(userName, password);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenFor(string userName, string password = DemoPassword)
    {
        var res = await Anonymous().PostAsJsonAsync("/api/auth/token", new { userName, password });
        var body = await res.Content.ReadAsStringAsync();
        if (!res.IsSuccessStatusCode) throw new InvalidOperationException($"Login of {userName} failed: {(int)res.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>Runs <paramref name="work"/> with a scoped service provider (e.g. to read the database directly).</summary>
    public async Task<TResult> InScope<TResult>(Func<IServiceProvider, Task<TResult>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

/// <summary>TestServer has no socket, so no client address: give requests the loopback address a real one would have.</summary>
internal sealed class LoopbackAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        app.Use(async (ctx, n) =>
        {
            ctx.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            await n(ctx);
        });
        next(app);
    };
}

public sealed class SqliteApp() : AppFixture(DbProvider.Sqlite);
public sealed class PostgresApp() : AppFixture(DbProvider.Postgres);
