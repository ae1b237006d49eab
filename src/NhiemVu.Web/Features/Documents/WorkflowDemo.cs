using Microsoft.EntityFrameworkCore;
using NhiemVu.Data;
using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;
using NhiemVu.Web.Features.Assignments;

namespace NhiemVu.Web.Features.Documents;

/// <summary>
/// Demo documents and assignments over the last three months, built with the aggregate's own
/// methods at past moments so that every event is consistent: every state and class, extensions,
/// a returned report, overdue and no-deadline assignments.
/// </summary>
public static class WorkflowDemo
{
    public static async Task SeedAsync(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Documents.AnyAsync()) return;
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.UnitId));
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id);
        Actor A(string user) => new(users[user].Id, users[user].UnitId);
        var office = A("vp.cv1");
        DateTimeOffset Ago(double days) => now.AddDays(-days);
        DateOnly Day(double days) => ProvinceTime.LocalDate(now.AddDays(days));

        var plan = new (string Number, string Summary, string Leader, double IssuedAgo, (string Content, string[] Leads, string[] Coop, double? Due)[] Tasks)[]
        {
            ("1313/UBND-KT", "Đẩy nhanh tiến độ giải ngân vốn đầu tư công năm 2026", "chutich", 80,
                [("Rà soát, điều chuyển vốn các dự án chậm giải ngân", ["sotc", "soxd", "sonnmt"], ["khobac"], -20)]),
            ("245/TB-UBND", "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về giao thông nông thôn tỉnh Đồng Tháp", "pct.kinhte", 60,
                [("Hoàn thành hồ sơ công trình giao thông trọng điểm", ["soxd"], ["sotc"], 10),
                 ("Báo cáo tình hình thực hiện chương trình giao thông nông thôn", ["xsadec", "xcaolanh", "xthapmuoi"], [], -5)]),
            ("88/KH-UBND", "Kế hoạch chuyển đổi số năm 2026", "chutich", 45,
                [("Triển khai dịch vụ công trực tuyến toàn trình", ["sokhcn", "sonv"], ["cucthue"], 30),
                 ("Theo dõi, hướng dẫn thường xuyên việc số hóa hồ sơ", ["sotp"], [], null)]),
            ("512/UBND-VX", "Chuẩn bị năm học mới và phòng chống dịch bệnh", "pct.vanxa", 30,
                [("Kiểm tra cơ sở vật chất trường học", ["sogddt"], ["soyt"], 2),
                 ("Tăng cường giám sát dịch bệnh mùa mưa", ["soyt"], [], 1)]),
        };

        var assignments = new List<Assignment>();
        foreach (var d in plan)
        {
            var issued = Ago(d.IssuedAgo);
            var doc = DirectiveDocument.Create(new DirectiveDocumentData(SourceKind.Document, DirectiveKind.CongVan, d.Number, d.Summary,
                ProvinceTime.LocalDate(issued), users[d.Leader].Id, "Nguyễn Văn Chính", office.UserId), issued, office.UserId);
            db.Documents.Add(doc);
            foreach (var t in d.Tasks)
            {
                var created = DirectiveTask.Create(doc, new NewTaskData(t.Content, t.Leads.Select(c => units[c]).ToList(),
                    t.Due is { } due ? Day(due) : null, TaskNature.TrongTam, t.Coop.Select(c => units[c]).ToList()), issued, office);
                DocumentHandlers.AddTask(db, doc, created);
                assignments.AddRange(created.Assignments);
            }
        }

        var byUnit = units.ToDictionary(kv => kv.Value, kv => kv.Key);
        var i = 0;
        foreach (var a in assignments)
        {
            var code = byUnit[a.LeadUnitId];
            var focal = A($"{code}.daumoi");
            var start = a.AssignedAtUtc;
            ReportData Report() => new("Báo cáo kết quả thực hiện", $"{10 + i}/BC-{code.ToUpperInvariant()}", "Kết quả thực hiện nhiệm vụ được giao",
                ProvinceTime.LocalDate(start.AddDays(12)), "Thủ trưởng đơn vị");
            switch (i++ % 7)
            {
                case 0: break; // not received
                case 1:
                    a.Receive(start.AddDays(1), focal);
                    a.PostProgress("Đã xây dựng kế hoạch triển khai", 30, start.AddDays(5), focal);
                    break;
                case 2: // completed (early or late depending on the deadline)
                    a.Receive(start.AddDays(1), focal);
                    a.SubmitReport(Report(), $"demo-{a.Id}", start.AddDays(12), focal);
                    a.Review(true, null, start.AddDays(13), office);
                    break;
                case 3: // returned, then reported again, awaiting review
                    a.Receive(start.AddDays(1), focal);
                    a.SubmitReport(Report(), $"demo-{a.Id}-1", start.AddDays(12), focal);
                    a.Review(false, "Thiếu số liệu tổng hợp", start.AddDays(13), office);
                    if (a.Deadline is not null) a.SubmitReport(Report(), $"demo-{a.Id}-2", start.AddDays(15), focal);
                    break;
                case 4: // extension approved, in progress
                    a.Receive(start.AddDays(1), focal);
                    if (a.Deadline is { } dl)
                    {
                        a.RequestExtension(dl.AddDays(30), "Chờ ý kiến của Bộ chuyên ngành", start.AddDays(3), focal);
                        a.DecideExtension(true, start.AddDays(4), office, "Đồng ý gia hạn");
                    }
                    a.Urge("Đề nghị khẩn trương thực hiện", start.AddDays(8), office);
                    break;
                case 5: // pending extension request
                    a.Receive(start.AddDays(1), focal);
                    if (a.Deadline is { } dl2) a.RequestExtension(dl2.AddDays(15), "Khối lượng công việc lớn", start.AddDays(6), focal);
                    break;
                default: // returned and still working
                    a.PostProgress("Đang tổng hợp số liệu", 60, start.AddDays(2), focal);
                    a.SubmitReport(Report(), $"demo-{a.Id}", start.AddDays(12), focal);
                    a.Review(false, "Báo cáo chưa đầy đủ nội dung", start.AddDays(13), office);
                    break;
            }
            AssignmentHandlers.Refresh(db, a);
        }
        await db.SaveChangesAsync();
    }
}
