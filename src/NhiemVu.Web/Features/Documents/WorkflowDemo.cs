using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Domain.Units;
using NhiemVu.Web.Features.Assignments;

namespace NhiemVu.Web.Features.Documents;

/// <summary>
/// Demo documents and assignments over the last five months, built with the aggregate's own
/// methods at past moments so that every event is consistent. A fixed random seed gives the same
/// province every time: most assignments completed (early, on time, late), some overdue, some
/// extended, returned and re-reported, awaiting review, refused, transferred, cancelled, a few
/// without deadline, and one task given to every commune.
/// </summary>
public static class WorkflowDemo
{
    private static readonly string[] Subjects =
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

    /// <summary>Why a demo task has no deadline (seed 002 art. 3.3: recorded only with a reason).</summary>
    private static readonly string[] NoDeadlineReasons =
    [
        "Nhiệm vụ thường xuyên, thực hiện liên tục trong năm",
        "Văn bản chỉ đạo không ấn định thời hạn; thực hiện theo tiến độ dự án",
        "Chờ Trung ương hướng dẫn; thời hạn sẽ được bổ sung sau",
    ];

    private static readonly string[] Actions =
    [
        "Rà soát, báo cáo kết quả thực hiện", "Xây dựng kế hoạch triển khai và tổ chức thực hiện", "Kiểm tra, đôn đốc và tổng hợp số liệu",
        "Tham mưu UBND tỉnh ban hành văn bản chỉ đạo", "Phối hợp tháo gỡ khó khăn, vướng mắc", "Tổ chức hội nghị triển khai",
    ];

    public static async Task SeedAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Documents.AnyAsync()) return;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var rng = new Random(2026);
        // A second fixed stream for entry delays (timeliness), so the main draw above stays as it was.
        var lag = new Random(615);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.UnitId));
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).ToListAsync();
        var fields = await db.Fields.AsNoTracking().Select(f => f.Id).ToListAsync();
        Actor A(string user) => new(users[user].Id, users[user].UnitId);
        string[] specialists = ["vp.cv1", "vp.cv2", "vp.cv3"];
        string[] leaders = ["chutich", "pct.kinhte", "pct.nongnghiep", "pct.vanxa"];
        var receivers = units.Where(u => u.Kind is UnitKind.Department or UnitKind.CommuneCommittee or UnitKind.CentralAgency).ToList();
        var communes = receivers.Where(u => u.Kind == UnitKind.CommuneCommittee).ToList();
        DirectiveKind[] kinds = [DirectiveKind.CongVan, DirectiveKind.CongVan, DirectiveKind.ThongBaoKetLuan, DirectiveKind.KeHoach, DirectiveKind.QuyetDinh, DirectiveKind.ChiThi];
        string[] kindCode = ["UBND-KT", "UBND-VX", "TB-UBND", "KH-UBND", "QĐ-UBND", "CT-UBND"];

        var assignments = new List<(Assignment A, string Specialist)>();
        var docNo = 1200;
        for (var ago = 150.0; ago >= 4; ago -= 4 + rng.Next(4))
        {
            var issued = now.AddDays(-ago).AddHours(-rng.Next(0, 6));
            var k = rng.Next(kinds.Length);
            var specialist = specialists[rng.Next(specialists.Length)];
            var leader = leaders[rng.Next(leaders.Length)];
            var subject = Subjects[rng.Next(Subjects.Length)];
            // Most documents are entered the day they are issued; some a day later, a few several days late.
            var issueDate = ProvinceTime.LocalDate(issued).AddDays(-DemoDelay(lag));
            var doc = DirectiveDocument.Create(new DirectiveDocumentData(SourceKind.Document, kinds[k], $"{docNo++}/{kindCode[k]}",
                subject, issueDate, users[leader].Id, "Nguyễn Văn Chính", users[specialist].Id,
                rng.Next(10) == 0 ? Urgency.Khan : Urgency.Thuong, Secrecy.Thuong, fields[rng.Next(fields.Count)]),
                issued, users[specialist].Id);
            db.Documents.Add(doc);
            var taskCount = 1 + rng.Next(3);
            for (var t = 0; t < taskCount; t++)
            {
                var leads = docNo == 1205 && t == 0
                    ? communes // "all commune People's Committees shall ..."
                    : receivers.OrderBy(_ => rng.Next()).Take(1 + rng.Next(4)).ToList();
                var coop = receivers.Except(leads).OrderBy(_ => rng.Next()).Take(rng.Next(3)).ToList();
                DateOnly? deadline = rng.Next(12) == 0 ? null : ProvinceTime.LocalDate(issued.AddDays(12 + rng.Next(50)));
                var created = DirectiveTask.Create(doc, new NewTaskData(
                    $"{Actions[rng.Next(Actions.Length)]}: {subject.ToLowerInvariant()}",
                    leads.Select(u => u.Id).ToList(), deadline,
                    (TaskNature)rng.Next(3), coop.Select(u => u.Id).ToList(), FieldId: doc.FieldId,
                    DirectingLeaderId: users[leader].Id, FollowUpSpecialistId: users[specialist].Id, IsPublic: rng.Next(3) > 0,
                    // Not drawn from rng, so the rest of the demo stays as it was.
                    NoDeadlineReason: deadline is null ? NoDeadlineReasons[(docNo + t) % NoDeadlineReasons.Length] : null),
                    issued, A(specialist));
                DocumentHandlers.AddTask(db, doc, created);
                assignments.AddRange(created.Assignments.Select(a => (a, specialist)));
            }
        }

        var codeOf = units.ToDictionary(u => u.Id, u => u.Code);
        var n = 0;
        foreach (var (a, specialist) in assignments)
        {
            Play(a, A($"{codeOf[a.LeadUnitId]}.daumoi"), A(specialist), A("vp.lanhdao"), now, rng, n++, receivers, codeOf, A, lag);
            AssignmentHandlers.Refresh(db, a);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Days between a document's issue and its entry: 0 for most, 1 for some, 2–6 for a few (late under every rule but N = 6+).</summary>
    private static int DemoDelay(Random lag) => lag.Next(100) switch
    {
        < 78 => 0,
        < 90 => 1,
        _ => 2 + lag.Next(5),
    };

    /// <summary>Plays one assignment's life up to now, by a weighted draw of what happened to it.</summary>
    private static void Play(Assignment a, Actor unit, Actor office, Actor officeLeader, DateTimeOffset now, Random rng, int n,
        List<Unit> receivers, Dictionary<Guid, string> codeOf, Func<string, Actor> actorFor, Random lag)
    {
        var t = a.AssignedAtUtc;
        var deadlineAt = a.Deadline is { } d ? ProvinceTime.StartOfDayUtc(d).AddHours(10) : t.AddDays(30);
        bool Past(DateTimeOffset x) => x < now.AddHours(-1);
        ReportData Report(DateTimeOffset at) => new("Báo cáo kết quả thực hiện nhiệm vụ", $"{100 + n}/BC-{codeOf[a.LeadUnitId].ToUpperInvariant()}",
            "Kết quả thực hiện nhiệm vụ UBND tỉnh giao", ProvinceTime.LocalDate(at).AddDays(-DemoDelay(lag)), "Thủ trưởng đơn vị");
        var roll = rng.Next(100);
        try
        {
            if (roll < 6) return; // not yet received
            t = t.AddHours(4 + rng.Next(40));
            if (!Past(t)) return;
            a.Receive(t, unit);
            for (var p = 0; p < 1 + rng.Next(3); p++)
            {
                t = t.AddDays(2 + rng.Next(6));
                if (!Past(t)) return;
                a.PostProgress(p == 0 ? "Đã xây dựng kế hoạch, phân công thực hiện" : "Đang tổng hợp số liệu, dự thảo báo cáo", 20 + 25 * p, t, unit);
            }
            if (roll < 18) // still working; overdue ones sometimes explained
            {
                if (a.Deadline is not null && Past(deadlineAt.AddDays(3)) && rng.Next(2) == 0)
                    a.Explain("Nhiệm vụ liên quan nhiều cơ quan, đang chờ ý kiến thống nhất; dự kiến hoàn thành trong tháng tới.", deadlineAt.AddDays(3), unit);
                if (rng.Next(3) == 0 && Past(t.AddDays(1))) a.Urge("Đề nghị khẩn trương thực hiện, báo cáo kết quả đúng hạn", t.AddDays(1), office);
                return;
            }
            if (roll < 23 && a.Deadline is { } dl) // extension asked; approved or pending
            {
                var ask = t.AddDays(1);
                if (!Past(ask)) return;
                a.RequestExtension(dl.AddDays(20), "Chờ ý kiến của Bộ, ngành Trung ương", ask, unit);
                if (roll < 21 && Past(ask.AddDays(1))) a.DecideExtension(true, ask.AddDays(1), office, "Đồng ý gia hạn một lần");
                return;
            }
            if (roll < 25) // refused as outside the unit's function, then transferred
            {
                var at = t.AddHours(3);
                if (!Past(at.AddDays(1))) return;
                a.Refuse("Nội dung không thuộc chức năng, nhiệm vụ của đơn vị", at, unit);
                a.DecideRefusal(true, at.AddDays(1), office, "Chuyển đơn vị có chức năng");
                var target = receivers.First(u => u.Id != a.LeadUnitId && u.Kind == UnitKind.Department);
                a.Transfer(target.Id, null, "Chuyển cho đơn vị có chức năng", at.AddDays(1).AddHours(1), office);
                return;
            }
            if (roll < 27) // cancelled by the office
            {
                if (Past(t.AddDays(1))) a.Cancel("Nhiệm vụ không còn phù hợp sau khi sắp xếp bộ máy", t.AddDays(1), office);
                return;
            }
            // Reported: early, on the deadline day, or late.
            var when = roll switch
            {
                < 65 => deadlineAt.AddDays(-1 - rng.Next(6)),
                < 84 => ProvinceTime.StartOfDayUtc(ProvinceTime.LocalDate(deadlineAt)).AddHours(8 + rng.Next(9)),
                _ => deadlineAt.AddDays(1 + rng.Next(8)),
            };
            if (when < t) when = t.AddHours(2);
            if (!Past(when)) return;
            if (rng.Next(5) == 0) // returned once, then reported again
            {
                a.SubmitReport(Report(when), $"demo-{a.Id}-1", when, unit);
                var back = when.AddHours(20);
                if (!Past(back)) return;
                a.Review(false, "Báo cáo chưa đủ số liệu tổng hợp, đề nghị bổ sung", back, office);
                when = back.AddDays(1 + rng.Next(3));
                // A third of the returned reports wait for the unit to report again, so the "returned" list and
                // inbox tile always have something to show, whatever day the demo is built on.
                if (!Past(when) || n % 3 == 0) return;
            }
            a.SubmitReport(Report(when), $"demo-{a.Id}", when, unit);
            var review = when.AddHours(2 + rng.Next(30));
            if (!Past(review) || roll is >= 90 and < 95) return; // awaiting review
            // Most reports are reviewed within a few hours (in time under art. 6.4); the rest when the draw says.
            if (lag.Next(100) < 65 && when.AddHours(1 + lag.Next(3)) is var quick && quick < review) review = quick;
            a.Review(true, null, review, office);
            if (a.Deadline is { } late && ProvinceTime.LocalDate(when) > late && rng.Next(2) == 0)
                a.Explain("Chậm do phải chờ số liệu của các cơ quan phối hợp.", review.AddHours(1), unit);
        }
        catch (DomainException)
        {
            // A step that the rules refuse (e.g. a deadline already past for an extension) ends this
            // assignment's story where it stands: the aggregate is unchanged by a refused step.
        }
    }
}
