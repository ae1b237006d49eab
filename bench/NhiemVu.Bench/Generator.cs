using NhiemVu.Domain.Reports;
using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Units;
using NhiemVu.Web.Features.Assignments;

namespace NhiemVu.Bench;

/// <summary>
/// Fills an empty database with a province of the chosen size. Schema: the app's migrations. Foundation
/// (fields, units, roles, people: a few hundred rows) through EF. Documents, tasks, cooperating units,
/// assignments, reports, requests and events: built with the domain's own factories and transitions
/// (so every history is consistent and the state columns equal the replay), then written in chunks by the
/// provider's bulk path. Never holds more than one chunk of assignments in memory.
/// </summary>
public static class Generator
{
    public const string Password = "demo-NhiemVu-2026";

    public sealed record Size(string Name, int Units, int Assignments, int Days, int Specialists);

    public static readonly Size[] Sizes =
    [
        new("S", 60, 5_000, 180, 6),
        new("M", 150, 100_000, 730, 15),
        new("L", 300, 1_000_000, 1095, 30),
    ];

    private static readonly string[] FieldNames =
    [
        "Kinh tế tổng hợp", "Nông nghiệp và môi trường", "Xây dựng và giao thông", "Tài chính – ngân sách",
        "Văn hóa – xã hội", "Giáo dục và y tế", "Nội chính", "Công thương",
    ];

    public static readonly string[] Subjects =
    [
        "Đẩy nhanh tiến độ giải ngân vốn đầu tư công", "Tăng cường công tác phòng, chống thiên tai mùa mưa lũ",
        "Triển khai dịch vụ công trực tuyến toàn trình", "Rà soát thủ tục hành chính thuộc thẩm quyền giải quyết",
        "Hoàn thành hồ sơ công trình giao thông trọng điểm", "Kiểm tra cơ sở vật chất trường học trước năm học mới",
        "Tăng cường giám sát dịch bệnh mùa mưa", "Xây dựng nông thôn mới nâng cao", "Chống thất thu ngân sách nhà nước",
        "Xử lý kiến nghị của cử tri sau kỳ họp Hội đồng nhân dân", "Sắp xếp, bàn giao nhiệm vụ sau hợp nhất cơ quan",
        "Bảo đảm an ninh trật tự dịp Tết Nguyên đán", "Cải thiện chỉ số năng lực cạnh tranh cấp tỉnh",
        "Quản lý chặt chẽ hoạt động khai thác cát lòng sông", "Phát triển du lịch cộng đồng gắn với sông nước",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Thu hút đầu tư vào khu công nghiệp",
        "Bảo đảm cung ứng điện mùa khô", "Chăm lo đời sống người có công và hộ nghèo", "Quy hoạch vùng nguyên liệu lúa chất lượng cao",
    ];

    private static readonly string[] Actions =
    [
        "Rà soát, báo cáo kết quả thực hiện", "Xây dựng kế hoạch triển khai và tổ chức thực hiện", "Kiểm tra, đôn đốc và tổng hợp số liệu",
        "Tham mưu UBND tỉnh ban hành văn bản chỉ đạo", "Phối hợp tháo gỡ khó khăn, vướng mắc", "Tổ chức hội nghị triển khai",
    ];

    private static readonly string[] Places =
    [
        "Cao Lãnh", "Mỹ Ngãi", "Sa Đéc", "Hồng Ngự", "Tháp Mười", "Tam Nông", "Thanh Bình", "Lấp Vò", "Lai Vung", "Châu Thành",
        "Tân Hồng", "Mỹ An", "Phú Cường", "An Long", "Tân Thành", "Bình Thành", "Mỹ Thọ", "Tân Nghĩa", "Phong Hòa", "Định Yên",
    ];

    private static readonly string[] Departments =
    [
        "Sở Nội vụ", "Sở Tài chính", "Sở Tư pháp", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Xây dựng",
        "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo",
        "Thanh tra tỉnh", "Ban Quản lý Khu kinh tế", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Đài Phát thanh và Truyền hình",
    ];

    private static readonly string[] Agencies = ["Thuế tỉnh", "Chi cục Hải quan", "Kho bạc Nhà nước", "Bảo hiểm xã hội tỉnh", "Thi hành án dân sự"];

    /// <summary>The assignment's list columns: what AssignmentHandlers.Refresh writes (the same pure function,
    /// <see cref="AssignmentListColumns.Of"/>), plus the task's field and leader (as AssignmentHandlers.AddNew sets them).</summary>
    public static object? ListColumn(Assignment a, DirectiveTask task, string column)
    {
        var c = AssignmentListColumns.Of(a);
        return column switch
        {
            WorkflowColumns.SubmittedLocalDate => c.SubmittedLocalDate,
            WorkflowColumns.ListClass => c.Class,
            WorkflowColumns.Returned => c.Returned,
            WorkflowColumns.DueOrder => c.DueOrder,
            WorkflowColumns.FieldId => task.FieldId,
            WorkflowColumns.DirectingLeaderId => task.DirectingLeaderId,
            _ => throw new InvalidOperationException(column),
        };
    }

    private static readonly string[] BulkTables =
        ["directive_documents", "directive_tasks", "task_cooperating_units", "assignments", "assignment_reports", "assignment_requests", "assignment_events", "assignment_report_intervals"];

    /// <summary>Drops the secondary (non-primary-key) indexes of the bulk tables; returns their definitions.</summary>
    private static List<string> DropSecondaryIndexes(SqliteConnection? lite, NpgsqlConnection? pg)
    {
        var defs = new List<(string Name, string Sql)>();
        if (pg is not null)
        {
            using (var c = new NpgsqlCommand("SET session_replication_role = replica; SET maintenance_work_mem = '512MB'", pg)) c.ExecuteNonQuery();
            using (var c = new NpgsqlCommand("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = 'public' AND i.tablename = ANY(@t)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
                """, pg))
            {
                c.Parameters.AddWithValue("t", BulkTables);
                using var r = c.ExecuteReader();
                while (r.Read()) defs.Add((r.GetString(0), r.GetString(1)));
            }
            foreach (var (name, _) in defs)
                using (var c = new NpgsqlCommand($"DROP INDEX \"{name}\"", pg)) c.ExecuteNonQuery();
        }
        else
        {
            using (var c = lite!.CreateCommand())
            {
                c.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", BulkTables.Select(t => $"'{t}'"))})";
                using var r = c.ExecuteReader();
                while (r.Read()) defs.Add((r.GetString(0), r.GetString(1)));
            }
            foreach (var (name, _) in defs)
                using (var c = lite.CreateCommand()) { c.CommandText = $"DROP INDEX \"{name}\""; c.ExecuteNonQuery(); }
        }
        return defs.Select(d => d.Sql).ToList();
    }

    private static void RecreateIndexes(SqliteConnection? lite, NpgsqlConnection? pg, List<string> defs)
    {
        foreach (var sql in defs)
        {
            var sw = Stopwatch.StartNew();
            if (pg is not null) using (var c = new NpgsqlCommand(sql, pg) { CommandTimeout = 0 }) c.ExecuteNonQuery();
            else using (var c = lite!.CreateCommand()) { c.CommandText = sql; c.CommandTimeout = 0; c.ExecuteNonQuery(); }
            if (sw.Elapsed.TotalSeconds >= 5) Console.WriteLine($"  {sw.Elapsed.TotalSeconds,6:F1} s  {sql}");
        }
        if (pg is not null) using (var c = new NpgsqlCommand("SET session_replication_role = origin", pg)) c.ExecuteNonQuery();
    }

    public static async Task<int> RunAsync(Options o)
    {
        var sizeName = o.Required("size").ToUpperInvariant();
        var size = Sizes.FirstOrDefault(s => s.Name == sizeName) ?? throw new OptionException("--size must be S, M or L");
        var provider = o.Provider;
        var cs = o.Required("connection");
        var seed = o.Int("seed", 2026);
        var chunk = o.Int("chunk", 10_000);
        var total = Stopwatch.StartNew();

        await using (var db = Db.Create(provider, cs))
        {
            var sw = Stopwatch.StartNew();
            await db.Database.MigrateAsync();
            Console.WriteLine($"migrations applied ({provider}) in {sw.Elapsed.TotalSeconds:F1} s");
            if (await db.Units.AnyAsync() || await db.Documents.AnyAsync())
            {
                Console.Error.WriteLine("the database is not empty: generate into a fresh database");
                return 1;
            }
        }

        var rng = new Random(seed);
        var now = TimeProvider.System.GetUtcNow();
        var f = await FoundationAsync(provider, cs, size, rng, now);
        Console.WriteLine($"foundation: {f.Units.Count} units, {f.UserCount} accounts, {f.Fields.Count} fields");

        await using var model = Db.Create(provider, cs);
        var m = model.Model;
        var docs = new BulkTable<DirectiveDocument>(m);
        var tasks = new BulkTable<DirectiveTask>(m, (t, p) => p.Name == WorkflowColumns.SearchText
            ? TextFold.Fold($"{f.DocOf[t.DocumentId].NumberAndSymbol} {f.DocOf[t.DocumentId].Summary} {t.Content}")
            : throw new InvalidOperationException(p.Name));
        var coops = new BulkTable<TaskCooperatingUnit>(m);
        var assignments = new BulkTable<Assignment>(m, (a, p) => ListColumn(a, f.TaskOf[a.TaskId], p.Name));
        var reports = new BulkTable<AssignmentReport>(m);
        var requests = new BulkTable<AssignmentRequest>(m);
        var events = new BulkTable<AssignmentEvent>(m);
        var intervals = new BulkTable<AssignmentReportInterval>(m);

        SqliteConnection? lite = null;
        var pgBackend = 0;
        NpgsqlConnection? pg = null;
        if (provider == "Sqlite")
        {
            lite = new SqliteConnection(cs);
            lite.Open();
            using var c = lite.CreateCommand();
            c.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-200000;";
            c.ExecuteNonQuery();
        }
        else
        {
            pg = new NpgsqlConnection(cs);
            pg.Open();
            using var c = new NpgsqlCommand("SELECT pg_backend_pid()", pg);
            pgBackend = (int)c.ExecuteScalar()!;
        }
        // Bulk path: the secondary indexes of the bulk tables are dropped before the load and built once
        // after it (one sort per index instead of millions of random B-tree inserts); on PostgreSQL the
        // foreign-key triggers are off for this session (the rows are consistent by construction).
        var indexClock = Stopwatch.StartNew();
        var dropped = DropSecondaryIndexes(lite, pg);
        indexClock.Stop();
        Console.WriteLine($"dropped {dropped.Count} secondary indexes for the load");
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var pgCpu0 = BackendCpu(pgBackend);

        var cDocs = new List<DirectiveDocument>();
        var cTasks = new List<DirectiveTask>();
        var cCoops = new List<TaskCooperatingUnit>();
        var cAs = new List<Assignment>();
        var cReports = new List<AssignmentReport>();
        var cRequests = new List<AssignmentRequest>();
        var cEvents = new List<AssignmentEvent>();
        var cIntervals = new List<AssignmentReportInterval>();
        var buildClock = new Stopwatch();

        void Flush()
        {
            buildClock.Stop();
            foreach (var a in cAs)
            {
                cReports.AddRange(a.Reports);
                cRequests.AddRange(a.Requests);
                cEvents.AddRange(a.Events);
                // The report intervals the app's interceptor writes with the events (the same pure function; the
                // generator writes no entry-timeliness records, so no report counts as entered).
                cIntervals.AddRange(ReportIntervalSources.Intervals(a, [])
                    .Select(i => AssignmentReportInterval.From(a.Id, ReportIntervalKeys.Of(f.TaskOf[a.TaskId], f.DocOf[f.TaskOf[a.TaskId].DocumentId]), i)));
            }
            if (lite is not null)
            {
                using var tx = lite.BeginTransaction();
                docs.WriteSqlite(lite, tx, cDocs);
                tasks.WriteSqlite(lite, tx, cTasks);
                coops.WriteSqlite(lite, tx, cCoops);
                assignments.WriteSqlite(lite, tx, cAs);
                reports.WriteSqlite(lite, tx, cReports);
                requests.WriteSqlite(lite, tx, cRequests);
                events.WriteSqlite(lite, tx, cEvents);
                intervals.WriteSqlite(lite, tx, cIntervals);
                tx.Commit();
            }
            else
            {
                docs.WritePostgres(pg!, cDocs);
                tasks.WritePostgres(pg!, cTasks);
                coops.WritePostgres(pg!, cCoops);
                assignments.WritePostgres(pg!, cAs);
                reports.WritePostgres(pg!, cReports);
                requests.WritePostgres(pg!, cRequests);
                events.WritePostgres(pg!, cEvents);
                intervals.WritePostgres(pg!, cIntervals);
            }
            foreach (var d in cDocs) f.DocOf.Remove(d.Id);
            foreach (var t in cTasks) f.TaskOf.Remove(t.Id);
            cDocs.Clear(); cTasks.Clear(); cCoops.Clear(); cAs.Clear(); cReports.Clear(); cRequests.Clear(); cEvents.Clear(); cIntervals.Clear();
            buildClock.Start();
        }

        // Documents in time order from (now - Days) to (now - 1 day); a document's issue time follows the
        // share of assignments generated so far, so the density is even over the period.
        var start = now.AddDays(-size.Days);
        var span = TimeSpan.FromDays(size.Days - 1);
        var made = 0;
        var docNo = 1000;
        var lastReport = Stopwatch.StartNew();
        buildClock.Start();
        while (made < size.Assignments)
        {
            var issued = start + span * ((double)made / size.Assignments) + TimeSpan.FromMinutes(rng.Next(0, 300));
            var remaining = size.Assignments - made;
            var (doc, created) = MakeDocument(f, rng, issued, ref docNo, Math.Min(200, remaining));
            cDocs.Add(doc);
            f.DocOf[doc.Id] = doc;
            foreach (var tc in created)
            {
                cTasks.Add(tc.Task);
                f.TaskOf[tc.Task.Id] = tc.Task;
                cCoops.AddRange(tc.Task.CooperatingUnits);
                foreach (var a in tc.Assignments)
                {
                    Play(a, f, tc.Task, now, rng, made);
                    cAs.Add(a);
                    made++;
                }
            }
            if (cAs.Count >= chunk) Flush();
            if (lastReport.Elapsed.TotalSeconds >= 10)
            {
                Console.WriteLine($"  … {made:N0} assignments, {total.Elapsed.TotalSeconds:F0} s");
                lastReport.Restart();
            }
        }
        Flush();
        buildClock.Stop();

        indexClock.Start();
        RecreateIndexes(lite, pg, dropped);
        indexClock.Stop();
        Console.WriteLine($"secondary indexes dropped and rebuilt in {indexClock.Elapsed.TotalSeconds:F1} s");

        var post = Stopwatch.StartNew();
        if (pg is not null)
        {
            // VACUUM sets the visibility map, so index-only scans work as they will once autovacuum has run.
            using var c = new NpgsqlCommand("VACUUM (ANALYZE)", pg) { CommandTimeout = 0 };
            c.ExecuteNonQuery();
        }
        else
        {
            using var c = lite!.CreateCommand();
            c.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            c.ExecuteNonQuery();
        }
        post.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var pgCpu = BackendCpu(pgBackend) - pgCpu0;
        lite?.Dispose();
        pg?.Dispose();

        Console.WriteLine();
        Console.WriteLine($"size {size.Name} on {provider}, seed {seed}, chunk {chunk:N0} assignments");
        foreach (var line in new[] { docs.Report(), tasks.Report(), coops.Report(), assignments.Report(), reports.Report(), requests.Report(), events.Report(), intervals.Report() })
            Console.WriteLine("  " + line);
        var rows = docs.Rows + tasks.Rows + coops.Rows + assignments.Rows + reports.Rows + requests.Rows + events.Rows;
        var write = docs.Clock.Elapsed + tasks.Clock.Elapsed + coops.Clock.Elapsed + assignments.Clock.Elapsed + reports.Clock.Elapsed
                    + requests.Clock.Elapsed + events.Clock.Elapsed;
        Console.WriteLine($"  {"all bulk tables",-26} {rows,12:N0} rows {write.TotalSeconds,8:F1} s {rows / Math.Max(0.001, write.TotalSeconds),12:N0} rows/s");
        Console.WriteLine($"  building histories (domain aggregate): {buildClock.Elapsed.TotalSeconds:F1} s; " +
                          $"{(pg is not null ? "VACUUM ANALYZE" : "WAL checkpoint")}: {post.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine($"  events per assignment: {(double)events.Rows / Math.Max(1, assignments.Rows):F2}");
        Console.WriteLine($"  CPU used by the load (wall clock is unreliable on a busy machine): generator {cpu.TotalSeconds:F1} s" +
                          (pg is not null ? $", PostgreSQL backend {pgCpu.TotalSeconds:F1} s" : "") +
                          $"; load average now {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
        Console.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    /// <summary>CPU time of a local process (the PostgreSQL backend serving the COPYs), from /proc; zero if not readable.</summary>
    private static TimeSpan BackendCpu(int pid)
    {
        try
        {
            if (pid == 0) return TimeSpan.Zero;
            var f = File.ReadAllText($"/proc/{pid}/stat");
            var parts = f[(f.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(parts[11]) + long.Parse(parts[12]); // utime, stime (fields 14, 15)
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException) { return TimeSpan.Zero; }
    }

    // ------------------------------------------------------------------ foundation

    public sealed class Foundation
    {
        public required List<Unit> Units { get; init; }
        public required List<Unit> Receivers { get; init; }
        public required List<Unit> Communes { get; init; }
        public required List<Unit> DepartmentsList { get; init; }
        public required List<Guid> Fields { get; init; }
        public required Guid[] Leaders { get; init; }
        public required Guid[] Specialists { get; init; }
        public required Actor OfficeLeader { get; init; }
        public required Dictionary<Guid, Actor> FocalOf { get; init; }
        public required Dictionary<Guid, string> CodeOf { get; init; }
        public required Guid OfficeUnit { get; init; }
        public int UserCount { get; init; }
        public Dictionary<Guid, DirectiveDocument> DocOf { get; } = [];
        public Dictionary<Guid, DirectiveTask> TaskOf { get; } = [];
    }

    private static async Task<Foundation> FoundationAsync(string provider, string cs, Size size, Random rng, DateTimeOffset now)
    {
        await using var db = Db.Create(provider, cs);
        foreach (var r in Roles.All) db.Roles.Add(new AppRole(r));
        var fields = FieldNames.Select(n => new Field(n)).ToList();
        db.Fields.AddRange(fields);
        var since = new DateOnly(2024, 1, 1);
        var province = new Unit("ubnd", "UBND tỉnh", UnitKind.ProvincialCommittee, null, since);
        var office = new Unit("vp", "Văn phòng UBND tỉnh", UnitKind.ProvincialOffice, province.Id, since);
        var units = new List<Unit> { province, office };
        // Of every kind: departments (~12%), communes and wards (~75%), central agencies (~8%), dissolved districts (rest).
        var nDept = Math.Max(8, size.Units * 12 / 100);
        var nAgency = Math.Max(3, size.Units * 8 / 100);
        var nDistrict = Math.Max(1, size.Units * 4 / 100);
        var nCommune = size.Units - 2 - nDept - nAgency - nDistrict;
        for (var i = 0; i < nDept; i++)
            units.Add(new Unit($"so{i + 1:D2}", i < Departments.Length ? Departments[i] : $"Ban chuyên ngành số {i + 1}", UnitKind.Department, null, since));
        var communes = new List<Unit>();
        for (var i = 0; i < nCommune; i++)
        {
            var u = new Unit($"xa{i + 1:D3}", $"UBND {(i % 4 == 0 ? "phường" : "xã")} {Places[i % Places.Length]}{(i >= Places.Length ? $" {i / Places.Length + 1}" : "")}",
                UnitKind.CommuneCommittee, null, since);
            communes.Add(u);
        }
        units.AddRange(communes);
        for (var i = 0; i < nAgency; i++)
            units.Add(new Unit($"nganh{i + 1:D2}", $"{Agencies[i % Agencies.Length]}{(i >= Agencies.Length ? $" khu vực {i / Agencies.Length + 1}" : "")}", UnitKind.CentralAgency, null, since));
        for (var i = 0; i < nDistrict; i++)
        {
            var d = new Unit($"huyen{i + 1:D2}", $"UBND huyện {Places[i % Places.Length]} (đã giải thể)", UnitKind.DistrictCommittee, null, since);
            d.Deactivate(new DateOnly(2025, 6, 30), communes[i % communes.Count].Id);
            units.Add(d);
        }
        db.Units.AddRange(units);
        await db.SaveChangesAsync();
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);

        var hash = new PasswordHasher<AppUser>().HashPassword(null!, Password); // one hash for every account, as the demo does
        var count = 0;
        Guid Add(string userName, string fullName, string title, Unit unit, string role, params Field[] oversee)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(),
                FullName = fullName, Title = title, UnitId = unit.Id, CreatedAt = now, PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
            foreach (var fl in oversee) db.UserFields.Add(new UserField { UserId = user.Id, FieldId = fl.Id });
            count++;
            return user.Id;
        }

        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"];
        string[] given = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Giang", "Hữu Hạnh", "Ngọc Lan", "Thanh Long", "Mỹ Linh", "Công Minh"];
        string Name(int i) => $"{family[i % 10]} {given[(i / 10 + i) % 10]}";
        Add("admin", "Quản trị hệ thống", "Quản trị hệ thống", office, Roles.Administrator);
        var leaders = new[]
        {
            Add("chutich", "Nguyễn Văn Chính", "Chủ tịch UBND tỉnh", province, Roles.ProvincialLeader, fields[0], fields[6], fields[3]),
            Add("pct.kinhte", "Trần Thị Kim", "Phó Chủ tịch UBND tỉnh", province, Roles.ProvincialLeader, fields[7], fields[2]),
            Add("pct.nongnghiep", "Lê Văn Nông", "Phó Chủ tịch UBND tỉnh", province, Roles.ProvincialLeader, fields[1]),
            Add("pct.vanxa", "Phạm Thị Xuân", "Phó Chủ tịch UBND tỉnh", province, Roles.ProvincialLeader, fields[4], fields[5]),
        };
        var officeLeader = Add("vp.lanhdao", "Võ Minh Chánh", "Chánh Văn phòng UBND tỉnh", office, Roles.OfficeLeader);
        Add("vp.tonghop", "Đặng Thu Hà", "Trưởng phòng Hành chính – Tổ chức", office, Roles.OfficeLeader);
        var specialists = Enumerable.Range(1, size.Specialists)
            .Select(i => Add($"vp.cv{i}", Name(i + 37), "Chuyên viên", office, Roles.OfficeSpecialist)).ToArray();
        var focal = new Dictionary<Guid, Actor>();
        var n = 0;
        foreach (var u in units.Where(u => u.Kind is not (UnitKind.ProvincialCommittee or UnitKind.ProvincialOffice)))
        {
            Add($"{u.Code}.lanhdao", Name(n), u.Kind == UnitKind.CommuneCommittee ? "Chủ tịch UBND" : "Thủ trưởng", u, Roles.UnitLeader);
            focal[u.Id] = new Actor(Add($"{u.Code}.daumoi", Name(n + 5), "Cán bộ đầu mối", u, Roles.FocalOfficer), u.Id);
            n++;
        }
        await db.SaveChangesAsync();

        var receivers = units.Where(u => u.IsActive && u.Kind is UnitKind.Department or UnitKind.CommuneCommittee or UnitKind.CentralAgency).ToList();
        return new Foundation
        {
            Units = units, Receivers = receivers, Communes = communes, DepartmentsList = units.Where(u => u.Kind == UnitKind.Department).ToList(),
            Fields = fields.Select(x => x.Id).ToList(), Leaders = leaders, Specialists = specialists,
            OfficeLeader = new Actor(officeLeader, office.Id), FocalOf = focal, CodeOf = units.ToDictionary(u => u.Id, u => u.Code),
            OfficeUnit = office.Id, UserCount = count,
        };
    }

    // ------------------------------------------------------------------ documents

    private static readonly DirectiveKind[] Kinds = [DirectiveKind.CongVan, DirectiveKind.CongVan, DirectiveKind.ThongBaoKetLuan, DirectiveKind.KeHoach, DirectiveKind.QuyetDinh, DirectiveKind.ChiThi];
    private static readonly string[] KindCode = ["UBND-KT", "UBND-VX", "TB-UBND", "KH-UBND", "QĐ-UBND", "CT-UBND"];

    /// <summary>One document with 1–3 tasks and 1–<paramref name="max"/> assignments: mostly one to three lead units,
    /// sometimes a dozen, sometimes "all communes" or "all departments".</summary>
    private static (DirectiveDocument, List<TaskCreation>) MakeDocument(Foundation f, Random rng, DateTimeOffset issued, ref int docNo, int max)
    {
        var k = rng.Next(Kinds.Length);
        var specialist = f.Specialists[rng.Next(f.Specialists.Length)];
        var leader = f.Leaders[rng.Next(f.Leaders.Length)];
        var subject = Subjects[rng.Next(Subjects.Length)];
        var doc = DirectiveDocument.Create(new DirectiveDocumentData(SourceKind.Document, Kinds[k], $"{docNo++}/{KindCode[k]}",
            $"{subject} năm {issued.Year}", ProvinceTime.LocalDate(issued), leader, "Nguyễn Văn Chính", specialist,
            rng.Next(10) == 0 ? Urgency.Khan : Urgency.Thuong, Secrecy.Thuong, f.Fields[rng.Next(f.Fields.Count)]),
            issued, specialist);
        var created = new List<TaskCreation>();
        var left = max;
        var taskCount = rng.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 };
        for (var t = 0; t < taskCount && left > 0; t++)
        {
            var roll = rng.Next(100);
            List<Unit> leads = roll switch
            {
                < 4 => f.Communes.Take(left).ToList(),              // "all commune People's Committees shall …"
                < 6 => f.DepartmentsList.Take(left).ToList(),       // "all departments shall …"
                < 20 => Pick(f.Receivers, rng, Math.Min(left, 4 + rng.Next(12)), null),
                _ => Pick(f.Receivers, rng, Math.Min(left, 1 + rng.Next(3)), null),
            };
            left -= leads.Count;
            var coop = Pick(f.Receivers, rng, rng.Next(3), leads);
            DateOnly? deadline = rng.Next(12) == 0 ? null : ProvinceTime.LocalDate(issued.AddDays(12 + rng.Next(50)));
            created.Add(DirectiveTask.Create(doc, new NewTaskData($"{Actions[rng.Next(Actions.Length)]}: {subject.ToLowerInvariant()}",
                leads.Select(u => u.Id).ToList(), deadline, (TaskNature)rng.Next(3), coop.Select(u => u.Id).ToList(),
                FieldId: doc.FieldId, DirectingLeaderId: leader, FollowUpSpecialistId: specialist, IsPublic: rng.Next(3) > 0,
                NoDeadlineReason: deadline is null ? "Nhiệm vụ thường xuyên, theo dõi cả năm" : null),
                issued, new Actor(specialist, f.OfficeUnit)));
        }
        return (doc, created);
    }

    private static List<Unit> Pick(List<Unit> from, Random rng, int n, List<Unit>? except)
    {
        var set = new HashSet<Unit>();
        while (set.Count < n && set.Count < from.Count - (except?.Count ?? 0))
        {
            var u = from[rng.Next(from.Count)];
            if (except is null || !except.Contains(u)) set.Add(u);
        }
        return set.ToList();
    }

    // ------------------------------------------------------------------ histories

    private static readonly string[] Progress =
    [
        "Đã xây dựng kế hoạch, phân công thực hiện", "Đang tổng hợp số liệu, dự thảo báo cáo", "Đã tổ chức họp triển khai với các phòng chuyên môn",
        "Đang lấy ý kiến các cơ quan phối hợp", "Đã hoàn thành khảo sát thực địa", "Đang hoàn thiện dự thảo trình lãnh đạo",
    ];

    /// <summary>One assignment's life up to now, with the aggregate's own transitions at past moments (as
    /// WorkflowDemo.Play does, with longer histories): about 6 % never received, 12 % still working (the
    /// overdue ones sometimes explained and urged), 5 % extended, 2 % refused and transferred, 2 % cancelled,
    /// the rest reported early / on the day / late, a fifth of those returned once and re-reported, a few
    /// still awaiting review. Recent assignments stop where "now" stops them.</summary>
    private static void Play(Assignment a, Foundation f, DirectiveTask task, DateTimeOffset now, Random rng, int n)
    {
        var unit = f.FocalOf[a.LeadUnitId];
        var office = new Actor(task.FollowUpSpecialistId ?? f.Specialists[0], f.OfficeUnit);
        var t = a.AssignedAtUtc;
        var deadlineAt = a.Deadline is { } d ? ProvinceTime.StartOfDayUtc(d).AddHours(10) : t.AddDays(30);
        bool Past(DateTimeOffset x) => x < now.AddHours(-1);
        ReportData Report(DateTimeOffset at) => new("Báo cáo kết quả thực hiện nhiệm vụ", $"{100 + n % 900}/BC-{f.CodeOf[a.LeadUnitId].ToUpperInvariant()}",
            "Kết quả thực hiện nhiệm vụ UBND tỉnh giao", ProvinceTime.LocalDate(at), "Thủ trưởng đơn vị");
        var roll = rng.Next(100);
        try
        {
            if (roll < 6) return;
            t = t.AddHours(4 + rng.Next(40));
            if (!Past(t)) return;
            a.Receive(t, unit);
            var notes = 1 + rng.Next(6);
            for (var p = 0; p < notes; p++)
            {
                t = t.AddDays(1 + rng.Next(4));
                if (!Past(t)) return;
                a.PostProgress(Progress[(p + n) % Progress.Length], Math.Min(95, 15 + 15 * p), t, unit);
            }
            if (roll < 18)
            {
                if (a.Deadline is not null && Past(deadlineAt.AddDays(3)) && rng.Next(2) == 0)
                    a.Explain("Nhiệm vụ liên quan nhiều cơ quan, đang chờ ý kiến thống nhất; dự kiến hoàn thành trong tháng tới.", deadlineAt.AddDays(3), unit);
                if (rng.Next(2) == 0 && Past(t.AddDays(1))) a.Urge("Đề nghị khẩn trương thực hiện, báo cáo kết quả đúng hạn", t.AddDays(1), office);
                return;
            }
            if (roll < 23 && a.Deadline is { } dl)
            {
                var ask = t.AddDays(1);
                if (!Past(ask)) return;
                a.RequestExtension(dl.AddDays(20), "Chờ ý kiến của Bộ, ngành Trung ương", ask, unit);
                if (roll < 21 && Past(ask.AddDays(1))) a.DecideExtension(true, ask.AddDays(1), office, "Đồng ý gia hạn một lần");
                return;
            }
            if (roll < 25)
            {
                var at = t.AddHours(3);
                if (!Past(at.AddDays(1))) return;
                a.Refuse("Nội dung không thuộc chức năng, nhiệm vụ của đơn vị", at, unit);
                a.DecideRefusal(true, at.AddDays(1), office, "Chuyển đơn vị có chức năng");
                var target = f.DepartmentsList.First(u => u.Id != a.LeadUnitId);
                a.Transfer(target.Id, null, "Chuyển cho đơn vị có chức năng", at.AddDays(1).AddHours(1), office);
                return;
            }
            if (roll < 27)
            {
                if (Past(t.AddDays(1))) a.Cancel("Nhiệm vụ không còn phù hợp sau khi sắp xếp bộ máy", t.AddDays(1), office);
                return;
            }
            var when = roll switch
            {
                < 65 => deadlineAt.AddDays(-1 - rng.Next(6)),
                < 84 => ProvinceTime.StartOfDayUtc(ProvinceTime.LocalDate(deadlineAt)).AddHours(8 + rng.Next(9)),
                _ => deadlineAt.AddDays(1 + rng.Next(8)),
            };
            if (when < t) when = t.AddHours(2);
            if (!Past(when)) return;
            if (rng.Next(5) == 0)
            {
                a.SubmitReport(Report(when), $"bench-{a.Id}-1", when, unit);
                var back = when.AddHours(20);
                if (!Past(back)) return;
                a.Review(false, "Báo cáo chưa đủ số liệu tổng hợp, đề nghị bổ sung", back, office);
                when = back.AddDays(1 + rng.Next(3));
                if (!Past(when)) return;
            }
            a.SubmitReport(Report(when), $"bench-{a.Id}", when, unit);
            var review = when.AddHours(2 + rng.Next(30));
            if (!Past(review) || roll is >= 95) return;
            a.Review(true, null, review, office);
            if (a.Deadline is { } late && ProvinceTime.LocalDate(when) > late && rng.Next(2) == 0)
                a.Explain("Chậm do phải chờ số liệu của các cơ quan phối hợp.", review.AddHours(1), unit);
        }
        catch (DomainException)
        {
            // A step the rules refuse ends the story where it stands (the aggregate is unchanged by a refused step).
        }
    }
}
