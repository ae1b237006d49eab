using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Units;

namespace NhiemVu.Web.Demo;

/// <summary>
/// The demo province (README, "Demo accounts"): about 40 units of every kind, the Chairman and three
/// Vice-Chairmen with their fields, office specialists and leaders, an administrator, and a
/// leader and a focal officer for each unit. Runs only on an empty database.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "demo-NhiemVu-2026";

    private static readonly string[] FieldNames =
    [
        "Kinh tế tổng hợp", "Nông nghiệp và môi trường", "Xây dựng và giao thông", "Tài chính – ngân sách",
        "Văn hóa – xã hội", "Giáo dục và y tế", "Nội chính", "Công thương",
    ];

    private static readonly (string Code, string Name, UnitKind Kind)[] UnitsList =
    [
        ("sonv", "Sở Nội vụ", UnitKind.Department),
        ("sotc", "Sở Tài chính", UnitKind.Department),
        ("sotp", "Sở Tư pháp", UnitKind.Department),
        ("soct", "Sở Công Thương", UnitKind.Department),
        ("sonnmt", "Sở Nông nghiệp và Môi trường", UnitKind.Department),
        ("soxd", "Sở Xây dựng", UnitKind.Department),
        ("sogddt", "Sở Giáo dục và Đào tạo", UnitKind.Department),
        ("soyt", "Sở Y tế", UnitKind.Department),
        ("sovhttdl", "Sở Văn hóa, Thể thao và Du lịch", UnitKind.Department),
        ("sokhcn", "Sở Khoa học và Công nghệ", UnitKind.Department),
        ("sodtoc", "Sở Dân tộc và Tôn giáo", UnitKind.Department),
        ("thanhtra", "Thanh tra tỉnh", UnitKind.Department),
        ("bqlkkt", "Ban Quản lý Khu kinh tế", UnitKind.Department),
        ("conganh", "Công an tỉnh", UnitKind.Department),
        ("bchqs", "Bộ Chỉ huy Quân sự tỉnh", UnitKind.Department),
        ("ptth", "Đài Phát thanh và Truyền hình", UnitKind.Department),
        ("xcaolanh", "UBND phường Cao Lãnh", UnitKind.CommuneCommittee),
        ("xmyngai", "UBND phường Mỹ Ngãi", UnitKind.CommuneCommittee),
        ("xsadec", "UBND phường Sa Đéc", UnitKind.CommuneCommittee),
        ("xhongngu", "UBND phường Hồng Ngự", UnitKind.CommuneCommittee),
        ("xthapmuoi", "UBND xã Tháp Mười", UnitKind.CommuneCommittee),
        ("xtamnong", "UBND xã Tam Nông", UnitKind.CommuneCommittee),
        ("xthanhbinh", "UBND xã Thanh Bình", UnitKind.CommuneCommittee),
        ("xlapvo", "UBND xã Lấp Vò", UnitKind.CommuneCommittee),
        ("xlaivung", "UBND xã Lai Vung", UnitKind.CommuneCommittee),
        ("xchauthanh", "UBND xã Châu Thành", UnitKind.CommuneCommittee),
        ("xtanhong", "UBND xã Tân Hồng", UnitKind.CommuneCommittee),
        ("xmyan", "UBND xã Mỹ An", UnitKind.CommuneCommittee),
        ("xphuoc", "UBND xã Phú Cường", UnitKind.CommuneCommittee),
        ("xanlong", "UBND xã An Long", UnitKind.CommuneCommittee),
        ("xtanthanh", "UBND xã Tân Thành", UnitKind.CommuneCommittee),
        ("xbinhthanh", "UBND xã Bình Thành", UnitKind.CommuneCommittee),
        ("cucthue", "Thuế tỉnh", UnitKind.CentralAgency),
        ("haiquan", "Chi cục Hải quan khu vực", UnitKind.CentralAgency),
        ("khobac", "Kho bạc Nhà nước khu vực", UnitKind.CentralAgency),
        ("bhxh", "Bảo hiểm xã hội tỉnh", UnitKind.CentralAgency),
        ("thads", "Thi hành án dân sự tỉnh", UnitKind.CentralAgency),
        ("huyenxua", "UBND huyện Cao Lãnh (đã giải thể 01/7/2025)", UnitKind.DistrictCommittee),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Units.AnyAsync()) return;

        var clock = sp.GetRequiredService<TimeProvider>();
        var hasher = sp.GetRequiredService<IPasswordHasher<AppUser>>();
        var now = clock.GetUtcNow();
        var start = new DateOnly(2024, 1, 1);

        var fields = FieldNames.Select(n => new Field(n)).ToList();
        db.Fields.AddRange(fields);

        var province = new Unit("ubnd", "UBND tỉnh Đồng Tháp", UnitKind.ProvincialCommittee, null, start);
        var office = new Unit("vp", "Văn phòng UBND tỉnh", UnitKind.ProvincialOffice, province.Id, start);
        db.Units.AddRange(province, office);
        var units = new List<Unit>();
        foreach (var (code, name, kind) in UnitsList)
        {
            var u = new Unit(code, name, kind, null, start);
            units.Add(u);
        }
        var successor = units.Single(u => u.Code == "xcaolanh");
        units.Single(u => u.Code == "huyenxua").Deactivate(new DateOnly(2025, 6, 30), successor.Id);
        db.Units.AddRange(units);
        await db.SaveChangesAsync();

        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var hash = hasher.HashPassword(null!, Password); // one hash for every demo account keeps start-up fast

        void Add(string userName, string fullName, string title, Unit unit, string[] roleNames, params Field[] oversee)
        {
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(), UserName = userName, NormalizedUserName = userName.ToUpperInvariant(),
                FullName = fullName, Title = title, UnitId = unit.Id, CreatedAt = now, PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant(), ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
            };
            db.Users.Add(user);
            foreach (var r in roleNames) db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[r] });
            foreach (var f in oversee) db.UserFields.Add(new UserField { UserId = user.Id, FieldId = f.Id });
        }

        Field F(string name) => fields.Single(f => f.Name == name);
        Add("admin", "Quản trị hệ thống", "Quản trị hệ thống", office, [Roles.Administrator]);
        Add("chutich", "Nguyễn Văn Chính", "Chủ tịch UBND tỉnh", province, [Roles.ProvincialLeader],
            F("Kinh tế tổng hợp"), F("Nội chính"), F("Tài chính – ngân sách"));
        Add("pct.kinhte", "Trần Thị Kim", "Phó Chủ tịch UBND tỉnh", province, [Roles.ProvincialLeader],
            F("Công thương"), F("Xây dựng và giao thông"));
        Add("pct.nongnghiep", "Lê Văn Nông", "Phó Chủ tịch UBND tỉnh", province, [Roles.ProvincialLeader],
            F("Nông nghiệp và môi trường"));
        Add("pct.vanxa", "Phạm Thị Xuân", "Phó Chủ tịch UBND tỉnh", province, [Roles.ProvincialLeader],
            F("Văn hóa – xã hội"), F("Giáo dục và y tế"));
        Add("vp.lanhdao", "Võ Minh Chánh", "Chánh Văn phòng UBND tỉnh", office, [Roles.OfficeLeader]);
        Add("vp.tonghop", "Đặng Thu Hà", "Trưởng phòng Hành chính – Tổ chức", office, [Roles.OfficeLeader]);
        Add("vp.cv1", "Huỳnh Thanh Tâm", "Chuyên viên", office, [Roles.OfficeSpecialist]);
        Add("vp.cv2", "Ngô Bảo Ngọc", "Chuyên viên", office, [Roles.OfficeSpecialist]);
        Add("vp.cv3", "Bùi Quốc Việt", "Chuyên viên", office, [Roles.OfficeSpecialist]);

        string[] family = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng", "Bùi", "Đỗ"];
        string[] given = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Giang", "Hữu Hạnh", "Ngọc Lan", "Thanh Long", "Mỹ Linh", "Công Minh"];
        var i = 0;
        foreach (var u in units)
        {
            var leaderTitle = u.Kind == UnitKind.CommuneCommittee ? "Chủ tịch UBND" : "Thủ trưởng";
            Add($"{u.Code}.lanhdao", $"{family[i % 10]} {given[(i + 3) % 10]}", leaderTitle, u, [Roles.UnitLeader]);
            Add($"{u.Code}.daumoi", $"{family[(i + 5) % 10]} {given[i % 10]}", "Cán bộ đầu mối", u, [Roles.FocalOfficer]);
            i++;
        }
        await db.SaveChangesAsync();
        await DemoHooks.RunAsync(sp);
    }
}

/// <summary>Later slices add their demo data (documents, assignments) here, after units and people exist.</summary>
public static class DemoHooks
{
    private static readonly List<Func<IServiceProvider, Task>> Hooks = [];

    public static void Register(Func<IServiceProvider, Task> hook)
    {
        lock (Hooks) Hooks.Add(hook);
    }

    public static async Task RunAsync(IServiceProvider sp)
    {
        Func<IServiceProvider, Task>[] hooks;
        lock (Hooks) hooks = [.. Hooks];
        foreach (var h in hooks) await h(sp);
    }
}
