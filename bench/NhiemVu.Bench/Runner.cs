using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Units;

namespace NhiemVu.Bench;

/// <summary>
/// Starts the real app (the built NhiemVu.Web.dll, as a child process on a free loopback port, on the given
/// database), signs in as a focal officer, an office specialist and the Chairman with POST /api/auth/token,
/// and measures each endpoint with N concurrent clients for a fixed time, then a mixed load. Reads the app's
/// peak memory from /proc/&lt;pid&gt;/status (VmHWM).
/// </summary>
public static class Runner
{
    private sealed record Scenario(string Name, string Who, Func<Random, string> Path);

    public static async Task<int> RunAsync(Options o)
    {
        var provider = o.Provider;
        var cs = o.Required("connection");
        var clients = o.Int("clients", 64);
        var seconds = o.Int("seconds", 20);
        var warmup = o.Int("warmup", 3);
        var only = o.Get("only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sqlLog = o.Get("sql-log");
        var reportClients = o.Int("report-clients", 1);
        var reportTimeout = o.Int("report-timeout", 300);
        var label = o.Get("label") ?? provider;
        var markdown = o.Get("markdown");
        var load0 = LoadAverage();

        // What to ask for: the busiest unit's focal officer, sample assignment ids, fields.
        string focalUser, medianUser;
        Guid[] ids;
        Guid[] fields;
        long assignmentCount;
        await using (var db = Db.Create(provider, cs))
        {
            var byUnit = await db.Assignments.GroupBy(a => a.LeadUnitId).Select(g => new { g.Key, N = g.Count() })
                .OrderByDescending(x => x.N).ToListAsync();
            var busiest = byUnit[0];
            var code = await db.Units.Where(u => u.Id == busiest.Key).Select(u => u.Code).FirstAsync();
            focalUser = $"{code}.daumoi";
            // A typical unit too: the one in the middle by number of assignments.
            var median = byUnit[byUnit.Count / 2];
            medianUser = $"{await db.Units.Where(u => u.Id == median.Key).Select(u => u.Code).FirstAsync()}.daumoi";
            assignmentCount = await db.Assignments.LongCountAsync();
            // Spread over the whole table: every k-th id in key order.
            var step = (int)Math.Max(1, assignmentCount / 500);
            ids = (await db.Assignments.OrderBy(a => a.Id).Select(a => a.Id).Take(500 * step).ToListAsync())
                .Where((_, i) => i % step == 0).ToArray();
            fields = await db.Fields.Select(f => f.Id).ToArrayAsync();
            Console.WriteLine($"database: {assignmentCount:N0} assignments; focal officer {focalUser} ({busiest.N:N0} assignments), " +
                              $"typical {medianUser} ({median.N:N0})");
        }

        using var app = AppProcess.Start(o, provider, cs, sqlLog);
        var dbCpu = provider == "Sqlite" ? null : await ServerCpu.ForAsync(cs);
        using var hello = await HelloServer.StartAsync();
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients + 8, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var slow = new HttpClient { BaseAddress = app.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        await app.WaitReadyAsync(http);

        var tokens = new Dictionary<string, string>
        {
            ["focal"] = await TokenAsync(http, focalUser),
            ["median"] = await TokenAsync(http, medianUser),
            ["office"] = await TokenAsync(http, "vp.cv1"),
            ["leader"] = await TokenAsync(http, "chutich"),
            ["anon"] = "",
        };

        var appHello = await app.HasHelloAsync(http);
        string[] terms = ["giai ngan", "thien tai", "dich vu cong", "nong thon moi", "ngan sach", "cu tri", "khu cong nghiep", "du lich"];
        string[] classes = ["InProgressOverdue", "InProgressWithinDeadline", "CompletedLate", "CompletedEarly"];
        var scenarios = new List<Scenario>
        {
            new("hello (bench Kestrel)", "anon", _ => hello.Url),
            new("hello (app host)", "anon", _ => appHello ? "/bench/hello" : hello.Url),
            new("health (app, SELECT 1)", "anon", _ => "/health"),
            new("inbox counts", "focal", _ => "/api/assignments/inbox"),
            new("list Mine=true", "focal", r => $"/api/assignments?mine=true&page={1 + r.Next(3)}"),
            new("list filtered (office)", "office", r => $"/api/assignments?class={classes[r.Next(classes.Length)]}&fieldId={fields[r.Next(fields.Length)]}"),
            new("assignment page", "office", r => $"/api/assignments/{ids[r.Next(ids.Length)]}"),
            new("text search q=", "office", r => $"/api/assignments?q={Uri.EscapeDataString(terms[r.Next(terms.Length)])}"),
            // The same for the unit in the middle (the rows above are the busiest unit's: the worst case).
            new("inbox counts (typical unit)", "median", _ => "/api/assignments/inbox"),
            new("list Mine=true (typical unit)", "median", r => $"/api/assignments?mine=true&page={1 + r.Next(3)}"),
        };
        // The reports: statistics per unit for a year as of a date (the twelve months up to the end of last month, as of
        // that day: inside the data at every size),
        // the leaders' dashboard (the /dashboard page), the monthly Word report
        // of the previous month. Measured with --report-clients (1: the response time one user sees).
        var todayLocal = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(7));
        var lastMonth = todayLocal.AddMonths(-1);
        var yearTo = new DateOnly(lastMonth.Year, lastMonth.Month, DateTime.DaysInMonth(lastMonth.Year, lastMonth.Month));
        var yearFrom = new DateOnly(lastMonth.Year, lastMonth.Month, 1).AddMonths(-11);
        var reportHooks = new List<Scenario>
        {
            new("reports: statistics year", "leader", _ => $"/api/reports/statistics?from={yearFrom:yyyy-MM-dd}&to={yearTo:yyyy-MM-dd}&asOf={yearTo:yyyy-MM-dd}&groupBy=Unit"),
            new("reports: dashboard", "leader", _ => "/dashboard"),
            new("reports: monthly Word", "office", _ => $"/api/reports/monthly.docx?year={lastMonth.Year}&month={lastMonth.Month}"),
        };

        var results = new List<(string Name, Result? R, string Note)>();
        foreach (var s in scenarios)
        {
            if (only is not null && !only.Any(x => s.Name.StartsWith(x, StringComparison.OrdinalIgnoreCase))) continue;
            results.Add((s.Name, await LoadAsync(http, tokens, [s], clients, warmup, seconds, app, dbCpu), ""));
        }
        if (only is null || only.Contains("mixed"))
        {
            // The mix of a working day: unit users on their inbox and lists, the office on pages and searches.
            var mix = new List<Scenario>();
            void W(int weight, Scenario s) { for (var i = 0; i < weight; i++) mix.Add(s); }
            W(25, scenarios[3]); W(20, scenarios[4]); W(15, scenarios[5]); W(25, scenarios[6]); W(10, scenarios[7]); W(5, scenarios[2]);
            results.Add(($"MIXED ({clients} clients)", await LoadAsync(http, tokens, mix, clients, warmup, seconds, app, dbCpu), ""));
        }

        foreach (var s in reportHooks)
        {
            if (only is not null && !only.Contains("reports")) continue;
            // One probe first (also the first, cold request), with a long time-out: at L one report can take minutes.
            using var probe = new HttpRequestMessage(HttpMethod.Get, s.Path(new Random(1)));
            probe.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[s.Who]);
            var sw = Stopwatch.StartNew();
            try
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(reportTimeout));
                using var resp = await slow.SendAsync(probe, cts.Token);
                Console.WriteLine($"  {s.Name}: first request {(int)resp.StatusCode} in {sw.Elapsed.TotalMilliseconds:F0} ms, app resident {app.Memory().Rss / 1024.0:F0} MB");
                if (!resp.IsSuccessStatusCode) { results.Add((s.Name, null, $"n/a ({(int)resp.StatusCode} {s.Path(new Random(1))})")); continue; }
                if (sw.Elapsed.TotalSeconds > seconds)
                {
                    results.Add((s.Name, null, $"one request: {sw.Elapsed.TotalMilliseconds:F0} ms (longer than a row: not repeated); app resident {app.Memory().Rss / 1024.0:F0} MB"));
                    continue;
                }
            }
            catch (Exception e) when (e is TaskCanceledException or OperationCanceledException or HttpRequestException)
            {
                results.Add((s.Name, null, $"no answer within {reportTimeout} s ({e.GetType().Name}); app resident {app.Memory().Rss / 1024.0:F0} MB"));
                continue;
            }
            results.Add((s.Name + (reportClients == 1 ? "" : $" ×{reportClients}"),
                await LoadAsync(http, tokens, [s], reportClients, Math.Min(warmup, 1), seconds, app, dbCpu), ""));
        }
        var (hwm, rss) = app.Memory();
        var load1 = LoadAverage();
        Console.WriteLine();
        Console.WriteLine($"{label}: provider {provider}, {assignmentCount:N0} assignments, {clients} clients ({reportClients} for reports), " +
                          $"{seconds} s per endpoint (+{warmup} s warm-up), {Environment.ProcessorCount} cores, load average {load0} at start, {load1} at end");
        Console.WriteLine($"{"endpoint",-30} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9} {"req/s",9} {"requests",9} {"errors",7} {"app MB",7} {"load",5} {"appCPU",7} {"dbCPU",7}");
        foreach (var (name, r, note) in results)
            Console.WriteLine(r is null ? $"{name,-30} {note}"
                : $"{name,-30} {r.P(50),9:F1} {r.P(95),9:F1} {r.P(99),9:F1} {r.Rps,9:F0} {r.Count,9} {r.Errors,7} {r.PeakRssKb / 1024.0,7:F0} {r.Load,5} {r.AppCpuMs,7:F2} {r.DbCpuMs,7:F2}" +
                  (r.FirstError is { } e ? "  first error: " + e : ""));
        Console.WriteLine($"app peak memory (VmHWM, whole run): {hwm / 1024.0:F0} MB; resident now (VmRSS): {rss / 1024.0:F0} MB");
        if (markdown is not null)
        {
            // Rows to paste into bench/README.md.
            using var w = File.AppendText(markdown);
            w.WriteLine($"| {label} | {assignmentCount:N0} assignments, {clients} clients, {seconds} s/row, load {load0} → {load1} | | | | | |");
            foreach (var (name, r, note) in results)
                w.WriteLine(r is null ? $"| {label} | {name} | {note} | | | | |"
                    : $"| {label} | {name} | {r.P(50):F1} / {r.P(95):F1} / {r.P(99):F1} | {r.Rps:F0} | {r.Errors} | {r.PeakRssKb / 1024.0:F0} | {r.Load} | {r.AppCpuMs:F2} | {r.DbCpuMs:F2} |");
            w.WriteLine($"| {label} | app peak memory (VmHWM) | {hwm / 1024.0:F0} MB | | | | |");
        }
        return 0;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static async Task<string> TokenAsync(HttpClient http, string user)
    {
        using var resp = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = Generator.Password });
        if (!resp.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in of {user}: {(int)resp.StatusCode} {await resp.Content.ReadAsStringAsync()}");
        using var doc = JsonDocument.Parse(await resp.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("accessToken").GetString()!;
    }

    public sealed class Result
    {
        public required double[] Ms { get; init; }
        public required int Errors { get; init; }
        public required double Seconds { get; init; }
        public string? FirstError { get; init; }
        /// <summary>Highest resident memory of the app sampled during the row (kB).</summary>
        public long PeakRssKb { get; init; }
        /// <summary>1-minute load average at the end of the row.</summary>
        public string Load { get; init; } = "";
        /// <summary>CPU time of the app process per recorded request (ms): independent of the machine's contention, unlike latency.</summary>
        public double AppCpuMs { get; init; }
        /// <summary>CPU time of the PostgreSQL server (all its processes) per recorded request (ms); NaN on SQLite (in the app).</summary>
        public double DbCpuMs { get; init; }
        public int Count => Ms.Length;
        public double Rps => Count / Seconds;
        public double P(double p) => Ms.Length == 0 ? double.NaN : Ms[Math.Min(Ms.Length - 1, (int)Math.Ceiling(p / 100 * Ms.Length) - 1)];
    }

    /// <summary><paramref name="clients"/> loops, each sending one request after the other for the warm-up (not
    /// recorded) and then <paramref name="seconds"/> (recorded). Bounded: stops at the deadline.</summary>
    private static async Task<Result> LoadAsync(HttpClient http, Dictionary<string, string> tokens, List<Scenario> mix, int clients,
        int warmup, int seconds, AppProcess app, ServerCpu? dbCpu)
    {
        double appCpu0 = 0, appCpu1 = 0;
        Dictionary<int, double> dbCpu0 = [], dbCpu1 = [];
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                try { peak = Math.Max(peak, app.Memory().Rss); } catch (IOException) { }
                try { await Task.Delay(100, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        Console.Write($"  {mix[0].Name}{(mix.Count > 1 ? " …mixed" : "")}: ");
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmup * (double)Stopwatch.Frequency);
        var end = measureFrom + (long)(seconds * (double)Stopwatch.Frequency);
        var errors = 0;
        string? firstError = null;
        var lists = new List<double>[clients];
        var loops = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var rng = new Random(c * 7919 + 1);
            var mine = lists[c] = new List<double>(4096);
            if (c == 0)
            {
                // CPU counters at the start of the recorded part (after the warm-up).
                _ = Task.Run(async () =>
                {
                    var wait = (measureFrom - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                    if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait));
                    appCpu0 = app.CpuMs();
                    dbCpu0 = dbCpu?.Ms() ?? [];
                });
            }
            while (true)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= end) break;
                var s = mix[rng.Next(mix.Count)];
                using var req = new HttpRequestMessage(HttpMethod.Get, s.Path(rng));
                if (tokens[s.Who].Length > 0) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[s.Who]);
                var ok = false;
                try
                {
                    using var resp = await http.SendAsync(req, HttpCompletionOption.ResponseContentRead);
                    ok = resp.IsSuccessStatusCode;
                    if (!ok) firstError ??= $"{(int)resp.StatusCode} {req.RequestUri}";
                }
                catch (Exception e) { firstError ??= e.GetType().Name + ": " + e.Message; }
                var t1 = Stopwatch.GetTimestamp();
                if (t0 < measureFrom) continue;
                if (!ok) Interlocked.Increment(ref errors);
                else mine.Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
            }
        })).ToArray();
        await Task.WhenAll(loops);
        appCpu1 = app.CpuMs();
        dbCpu1 = dbCpu?.Ms() ?? [];
        sampling.Cancel();
        await sampler;
        var all = lists.SelectMany(l => l).ToArray();
        Array.Sort(all);
        var r = new Result
        {
            Ms = all, Errors = errors, Seconds = seconds, FirstError = firstError, PeakRssKb = peak, Load = LoadAverage(),
            AppCpuMs = all.Length == 0 ? double.NaN : (appCpu1 - appCpu0) / all.Length,
            DbCpuMs = dbCpu is null || all.Length == 0 ? double.NaN : ServerCpu.Between(dbCpu0, dbCpu1) / all.Length,
        };
        Console.WriteLine($"{r.Count} requests, p95 {r.P(95):F1} ms");
        return r;
    }
}

/// <summary>The app as a child process: `dotnet NhiemVu.Web.dll --urls http://127.0.0.1:port` on the database given.</summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process _p;
    public Uri BaseAddress { get; }

    private AppProcess(Process p, Uri baseAddress) { _p = p; BaseAddress = baseAddress; }

    public static AppProcess Start(Options o, string provider, string cs, string? sqlLog)
    {
        var dll = o.Get("app") ?? FindAppDll();
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "exec", dll, "--urls", $"http://127.0.0.1:{port}", "--Database:Provider", provider, $"--ConnectionStrings:{provider}", cs,
                     "--Logging:LogLevel:Default", "Warning", "--Bench:Hello", "true",
                     "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", sqlLog is null ? "Warning" : "Information",
                 })
            psi.ArgumentList.Add(a);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var p = Process.Start(psi)!;
        var log = sqlLog is null ? TextWriter.Null : new StreamWriter(sqlLog) { AutoFlush = true };
        var errLines = new List<string>();
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errLines) { if (errLines.Count < 50) errLines.Add(e.Data); } lock (log) log.WriteLine(e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        Console.WriteLine($"app: pid {p.Id}, {dll}, http://127.0.0.1:{port}{(sqlLog is null ? "" : $", SQL log → {sqlLog}")}");
        return new AppProcess(p, new Uri($"http://127.0.0.1:{port}"));
    }

    public async Task WaitReadyAsync(HttpClient http)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (_p.HasExited) throw new InvalidOperationException($"the app exited with code {_p.ExitCode}");
            try
            {
                using var r = await http.GetAsync("/health");
                if (r.IsSuccessStatusCode) { Console.WriteLine($"app ready in {sw.Elapsed.TotalSeconds:F1} s"); return; }
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("the app did not answer /health within 3 minutes");
    }

    /// <summary>Does the app answer GET /bench/hello (the app host's own floor; on with --Bench:Hello true)?</summary>
    public async Task<bool> HasHelloAsync(HttpClient http)
    {
        using var r = await http.GetAsync("/bench/hello");
        return r.IsSuccessStatusCode;
    }

    /// <summary>User + system CPU time of the app process so far (ms).</summary>
    public double CpuMs() => ServerCpu.ProcessCpuMs(_p.Id, children: false);

    /// <summary>(VmHWM, VmRSS) in kB.</summary>
    public (long Hwm, long Rss) Memory()
    {
        long Read(string key) => File.ReadLines($"/proc/{_p.Id}/status").Where(l => l.StartsWith(key))
            .Select(l => long.Parse(l[(key.Length + 1)..].Trim().Split(' ')[0])).FirstOrDefault();
        return (Read("VmHWM"), Read("VmRSS"));
    }

    private static string FindAppDll()
    {
        var config = AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NhiemVu.slnx")))
            {
                var dll = Path.Combine(dir.FullName, "src", "NhiemVu.Web", "bin", config, "net10.0", "NhiemVu.Web.dll");
                if (File.Exists(dll)) return dll;
                throw new FileNotFoundException($"{dll} not found: build the bench (it builds the app) or pass --app");
            }
        throw new FileNotFoundException("repository root (NhiemVu.slnx) not found: pass --app path/to/NhiemVu.Web.dll");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_p.HasExited) { _p.Kill(entireProcessTree: true); _p.WaitForExit(10_000); }
        _p.Dispose();
    }
}

/// <summary>The floor: a bare Kestrel in the bench process answering GET /bench/hello (no auth, no database).</summary>
public sealed class HelloServer : IDisposable
{
    private readonly WebApplication _app;
    public string Url { get; }

    private HelloServer(WebApplication app, string url) { _app = app; Url = url; }

    public static async Task<HelloServer> StartAsync()
    {
        var b = WebApplication.CreateSlimBuilder();
        b.Logging.ClearProviders();
        b.WebHost.UseUrls("http://127.0.0.1:0");
        var app = b.Build();
        app.MapGet("/bench/hello", () => Results.Text("hello"));
        await app.StartAsync();
        var addr = app.Urls.First();
        return new HelloServer(app, addr + "/bench/hello");
    }

    public void Dispose() => _app.StopAsync().GetAwaiter().GetResult();
}

/// <summary>CPU time used by a PostgreSQL server: its postmaster (with its reaped children) and every live backend.</summary>
public sealed class ServerCpu
{
    private readonly int _postmaster;
    private readonly string _database;
    private ServerCpu(int postmaster, string database) => (_postmaster, _database) = (postmaster, database);

    public static async Task<ServerCpu?> ForAsync(string cs)
    {
        try
        {
            await using var c = new Npgsql.NpgsqlConnection(cs);
            await c.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_backend_pid()", c);
            var backend = (int)(await cmd.ExecuteScalarAsync())!;
            var ppid = File.ReadLines($"/proc/{backend}/status").First(l => l.StartsWith("PPid:"))[5..].Trim();
            return new ServerCpu(int.Parse(ppid), c.Database);
        }
        catch (Exception e)
        {
            Console.WriteLine($"(PostgreSQL CPU not measurable here: {e.Message})");
            return null;
        }
    }

    /// <summary>
    /// CPU of each live backend connected to the benchmark's database (their process title names it), by process id:
    /// on a cluster shared with other work (another database being generated), the whole server's CPU is not this
    /// benchmark's.
    /// </summary>
    public Dictionary<int, double> Ms()
    {
        var total = new Dictionary<int, double>();
        var needle = " " + _database + " ";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            var f = Fields(pid);
            if (f is null || f.Length <= 16 || f[3] != _postmaster.ToString()) continue;
            string title;
            try { title = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
            catch (IOException) { continue; }
            if (title.Contains(needle)) total[pid] = (long.Parse(f[13]) + long.Parse(f[14])) * 10.0;
        }
        return total;
    }

    /// <summary>The CPU the backends spent between two readings: those alive at the end, from their first reading (0 for
    /// one started in between). A backend gone in between (an idle pooled connection closed by Npgsql's pruning) is left
    /// out — subtracting its whole life's CPU made the figure negative.</summary>
    public static double Between(Dictionary<int, double> start, Dictionary<int, double> end) =>
        end.Sum(e => e.Value - start.GetValueOrDefault(e.Key));

    /// <summary>utime + stime (+ cutime + cstime) from /proc/pid/stat, in ms (clock ticks of 10 ms).</summary>
    public static double ProcessCpuMs(int pid, bool children)
    {
        var f = Fields(pid);
        if (f is null) return 0;
        var ticks = long.Parse(f[13]) + long.Parse(f[14]) + (children ? long.Parse(f[15]) + long.Parse(f[16]) : 0);
        return ticks * 10.0;
    }

    /// <summary>The fields of /proc/pid/stat, numbered from 1 in the man page (so index = number - 1).</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var s = File.ReadAllText($"/proc/{pid}/stat");
            var close = s.LastIndexOf(')');
            return [.. s[..(s.IndexOf('(') - 1)].Split(' '), "comm", .. s[(close + 2)..].Split(' ')];
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
