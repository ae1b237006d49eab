using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Foundation;

public abstract class UnitsAndAccountsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static string Code() => "t" + Guid.NewGuid().ToString("N")[..8];

    private async Task<UnitRow> CreateUnit(HttpClient admin, Guid? parent = null, string? code = null)
    {
        var res = await admin.PostJson("/api/units", new { code = code ?? Code(), name = "Đơn vị thử " + Code(), kind = "Department", parentId = parent });
        return await res.Read<UnitRow>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Admin_creates_edits_and_nests_units()
    {
        var admin = await app.ClientFor("admin");
        var parent = await CreateUnit(admin);
        var child = await CreateUnit(admin, parent.Id);
        Assert.Equal(parent.Id, child.ParentId);

        var renamed = await (await admin.PutJson($"/api/units/{child.Id}", new
        {
            code = child.Code, name = "Phòng đã đổi tên", kind = "Other", parentId = parent.Id, concurrencyStamp = child.ConcurrencyStamp,
        })).Read<UnitRow>();
        Assert.Equal("Phòng đã đổi tên", renamed.Name);
        var tree = await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>();
        var pi = tree.FindIndex(u => u.Id == parent.Id);
        var ci = tree.FindIndex(u => u.Id == child.Id);
        Assert.True(ci > pi && tree[ci].Depth == tree[pi].Depth + 1);
    }

    [Fact]
    public async Task Unit_made_its_own_ancestor_is_refused_and_nothing_changes()
    {
        var admin = await app.ClientFor("admin");
        var a = await CreateUnit(admin);
        var b = await CreateUnit(admin, a.Id);
        var c = await CreateUnit(admin, b.Id);
        var res = await admin.PutJson($"/api/units/{a.Id}", new { code = a.Code, name = a.Name, kind = "Department", parentId = c.Id, concurrencyStamp = a.ConcurrencyStamp });
        var p = await res.Problem(HttpStatusCode.Conflict);
        Assert.Equal("unit.cycle", p.GetProperty("code").GetString());
        var after = await (await admin.GetAsync($"/api/units/{a.Id}")).Read<UnitRow>();
        Assert.Null(after.ParentId);
        Assert.Equal(a.ConcurrencyStamp, after.ConcurrencyStamp);
    }

    [Fact]
    public async Task Concurrent_edits_of_a_unit_do_not_overwrite_each_other()
    {
        var admin = await app.ClientFor("admin");
        var u = await CreateUnit(admin);
        var first = await admin.PutJson($"/api/units/{u.Id}", new { code = u.Code, name = "Tên của người thứ nhất", kind = "Department", concurrencyStamp = u.ConcurrencyStamp });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await admin.PutJson($"/api/units/{u.Id}", new { code = u.Code, name = "Tên của người thứ hai", kind = "Department", concurrencyStamp = u.ConcurrencyStamp });
        Assert.Equal("concurrency", (await second.Problem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("Tên của người thứ nhất", (await (await admin.GetAsync($"/api/units/{u.Id}")).Read<UnitRow>()).Name);
    }

    [Fact]
    public async Task Unit_with_history_cannot_be_deleted_but_can_be_deactivated_with_a_successor()
    {
        var admin = await app.ClientFor("admin");
        var units = await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>();
        var sotc = units.Single(u => u.Code == "sotc");
        var successor = units.Single(u => u.Code == "sonv");
        var del = await admin.DeleteAsync($"/api/units/{sotc.Id}");
        Assert.Equal("unit.has_history", (await del.Problem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Contains(await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>(), u => u.Id == sotc.Id);

        var fresh = await CreateUnit(admin);
        var staff = await CreateUnit(admin, fresh.Id);
        var deact = await (await admin.PostJson($"/api/units/{fresh.Id}/deactivate",
            new { validTo = "2030-07-01", successorId = successor.Id })).Read<UnitRow>();
        Assert.False(deact.IsActive);
        Assert.Equal(successor.Id, deact.SuccessorId);
        Assert.Equal(new DateOnly(2030, 7, 1), deact.ValidTo);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/units/{staff.Id}")).StatusCode);
    }

    [Fact]
    public async Task Duplicate_unit_code_is_refused()
    {
        var admin = await app.ClientFor("admin");
        var res = await admin.PostJson("/api/units", new { code = "sotc", name = "Trùng mã", kind = "Department" });
        Assert.Equal("unit.duplicate_code", (await res.Problem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Admin_creates_an_account_who_can_then_sign_in()
    {
        var admin = await app.ClientFor("admin");
        var unit = await CreateUnit(admin);
        var name = "nguoi." + Code();
        var created = await (await admin.PostJson("/api/users", new
        {
            userName = name, fullName = "Người Thử", unitId = unit.Id, roles = new[] { "FocalOfficer" },
            password = "mot cum tu rat dai va kho doan",
        })).Read<UserRow>(HttpStatusCode.Created);
        Assert.Equal(unit.Id, created.UnitId);
        Assert.Equal(["FocalOfficer"], created.Roles);
        Assert.NotNull(await app.TokenFor(name, "mot cum tu rat dai va kho doan"));

        // Reset password: the old one stops working, the new one works.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJson($"/api/users/{created.Id}/reset-password",
            new { newPassword = "mat khau moi cua nguoi thu" })).StatusCode);
        Assert.NotNull(await app.TokenFor(name, "mat khau moi cua nguoi thu"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostJson("/api/auth/token",
            new { userName = name, password = "mot cum tu rat dai va kho doan" })).StatusCode);
    }

    [Fact]
    public async Task Duplicate_user_name_is_refused_with_409_and_nothing_changes()
    {
        var admin = await app.ClientFor("admin");
        var before = (await (await admin.GetAsync("/api/users?pageSize=1")).Read<Paged<UserRow>>()).Total;
        var unit = (await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>()).First(u => u.IsActive);
        var res = await admin.PostJson("/api/users", new
        {
            userName = "sotc.daumoi", fullName = "Trùng tên", unitId = unit.Id, roles = new[] { "FocalOfficer" },
            password = "mot cum tu rat dai va kho doan",
        });
        Assert.Equal("user.duplicate_name", (await res.Problem(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(before, (await (await admin.GetAsync("/api/users?pageSize=1")).Read<Paged<UserRow>>()).Total);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password123456")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("1234567890123")]
    public async Task Short_or_common_password_is_refused(string password)
    {
        var admin = await app.ClientFor("admin");
        var unit = (await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>()).First(u => u.IsActive);
        var res = await admin.PostJson("/api/users", new { userName = "p." + Code(), fullName = "X", unitId = unit.Id, password });
        var p = await res.Problem(HttpStatusCode.BadRequest);
        Assert.True(p.GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Long_passphrase_without_composition_rules_is_accepted()
    {
        var admin = await app.ClientFor("admin");
        var unit = (await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>()).First(u => u.IsActive);
        var res = await admin.PostJson("/api/users", new { userName = "q." + Code(), fullName = "X", unitId = unit.Id, password = "dong thap mua nuoc noi" });
        Assert.Equal(HttpStatusCode.Created, res.StatusCode);
    }

    [Theory]
    [InlineData("ProvincialLeader")]
    [InlineData("OfficeSpecialist")]
    [InlineData("OfficeLeader")]
    [InlineData("UnitLeader")]
    [InlineData("FocalOfficer")]
    public async Task Only_the_administrator_manages_units_accounts_and_reads_the_audit_log(string role)
    {
        var user = role switch
        {
            "ProvincialLeader" => "chutich", "OfficeSpecialist" => "vp.cv2", "OfficeLeader" => "vp.lanhdao",
            "UnitLeader" => "sotc.lanhdao", _ => "soct.daumoi",
        };
        var c = await app.ClientFor(user);
        await (await c.PostJson("/api/units", new { code = Code(), name = "X", kind = "Other" })).Problem(HttpStatusCode.Forbidden);
        await (await c.GetAsync("/api/users")).Problem(HttpStatusCode.Forbidden);
        await (await c.GetAsync("/api/audit")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/api/units")).StatusCode); // everyone may read the unit list
    }

    [Fact]
    public async Task Every_write_is_audited_with_who_what_and_when()
    {
        var admin = await app.ClientFor("admin");
        var before = app.Clock.GetUtcNow();
        var u = await CreateUnit(admin);
        var rows = (await (await admin.GetAsync($"/api/audit?entityType=Unit&entityId={u.Id}")).Read<Paged<AuditRowDto>>()).Items;
        var line = Assert.Single(rows);
        Assert.Equal("Unit.Added", line.Action);
        Assert.Equal("admin", line.UserName);
        Assert.True(line.AtUtc >= before.AddSeconds(-1));
        Assert.Contains(u.Name, line.Details);
    }

    [Fact]
    public async Task Audit_log_is_append_only()
    {
        await app.InScope(async sp =>
        {
            var db = sp.GetRequiredService<AppDbContext>();
            var line = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
            line.Action = "tampered";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.AuditEntries.Remove(await db.AuditEntries.OrderBy(a => a.Id).FirstAsync());
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return 0;
        });
    }

    [Fact]
    public async Task Malformed_json_gets_400_problem_details_and_changes_nothing()
    {
        var admin = await app.ClientFor("admin");
        var count = (await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>()).Count;
        var res = await admin.PostAsync("/api/units", new StringContent("{\"code\": \"x\", \"name\": ", Encoding.UTF8, "application/json"));
        await res.Problem(HttpStatusCode.BadRequest);
        var missing = await admin.PostJson("/api/units", new { code = "", name = "", kind = "Department" });
        var p = await missing.Problem(HttpStatusCode.BadRequest);
        Assert.True(p.GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal(count, (await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>()).Count);
    }

    [Fact]
    public async Task Oversized_request_gets_413_problem_details()
    {
        var admin = await app.ClientFor("admin");
        var big = new ByteArrayContent(new byte[31 * 1024 * 1024]);
        big.Headers.ContentType = new("application/json");
        var res = await admin.PostAsync("/api/units", big);
        await res.Problem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Administrator_cannot_disable_their_own_account()
    {
        var admin = await app.ClientFor("admin");
        var me = await (await admin.GetAsync("/api/auth/me")).Read<UserRow>();
        await (await admin.PostAsync($"/api/users/{me.Id}/disable", null)).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Leaders_carry_their_fields()
    {
        var admin = await app.ClientFor("admin");
        var fields = await (await admin.GetAsync("/api/units/fields")).Read<List<FieldRow>>();
        var pct = (await (await admin.GetAsync("/api/users?text=pct.kinhte")).Read<Paged<UserRow>>()).Items.Single();
        var names = fields.Where(f => pct.FieldIds.Contains(f.Id)).Select(f => f.Name).ToList();
        Assert.Contains("Công thương", names);
    }
}

public sealed record FieldRow(Guid Id, string Name);

public sealed class UnitsAndAccountsTests_Sqlite(SqliteApp app) : UnitsAndAccountsTests<SqliteApp>(app);
public sealed class UnitsAndAccountsTests_Postgres(PostgresApp app) : UnitsAndAccountsTests<PostgresApp>(app);
