using System.Net;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Workflow;

public abstract class WorkflowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private readonly WorkflowDriver w = new(app);

    [Fact]
    public async Task Whole_path_document_to_completed_with_a_returned_report()
    {
        var doc = await w.EnterDocument("Triển khai kế hoạch chuyển đổi số năm 2026", ["sotc", "soxd", "xsadec"], ["cucthue"],
            deadline: w.Today.AddDays(40));
        Assert.Equal(3, doc.Document.AssignmentCount);
        var mine = doc.Tasks.Single().Assignments.Single(a => a.LeadUnitName == "Sở Tài chính");
        var id = mine.Id;
        Assert.Equal("Assigned", mine.State);
        Assert.Equal("InProgressWithinDeadline", mine.Class);

        // The unit sees it in its inbox, not received.
        var inbox = await w.List("sotc.daumoi", $"mine=true&documentId={doc.Document.Id}");
        Assert.Equal(id, Assert.Single(inbox).Id);
        Assert.Contains(await w.List("sotc.daumoi", "mine=true&flag=NotReceived"), r => r.Id == id);
        Assert.True((await (await (await w.As("sotc.daumoi")).GetAsync("/api/assignments/inbox")).Read<InboxDto>()).NotReceived >= 1);
        Assert.Contains("Receive", (await w.Get("sotc.daumoi", id)).Actions);

        Assert.Equal(HttpStatusCode.OK, (await w.Act("sotc.daumoi", id, "receive", s => new { concurrencyStamp = s })).StatusCode);
        Assert.DoesNotContain(await w.List("sotc.daumoi", "mine=true&flag=NotReceived"), r => r.Id == id);
        var afterProgress = await (await w.Act("sotc.daumoi", id, "progress", s => new { text = "Đã xây dựng dự thảo kế hoạch", percent = 40, concurrencyStamp = s }))
            .Read<AssignmentDetailDto>();
        Assert.Equal("InProgress", afterProgress.Row.State);
        Assert.Equal("Đã xây dựng dự thảo kế hoạch", afterProgress.Row.LastProgressText);

        var first = await (await w.Act("sotc.daumoi", id, "reports", s => w.ReportToday(s, "k-1"))).Read<ReportResultDto>();
        Assert.Equal("AwaitingReview", first.Assignment.Row.State);
        Assert.Equal("CompletedEarly", first.Assignment.Row.Class);
        Assert.True(first.Assignment.Row.AwaitingConfirmation);
        var queue = await (await (await w.As("vp.cv1")).GetAsync("/api/assignments/queue")).Read<QueueDto>();
        Assert.Contains(queue.Reports, q => q.AssignmentId == id);

        // Not passed: returned to the unit with the reason.
        var returned = await (await w.Act("vp.cv1", id, "review", s => new { passed = false, reason = "Thiếu số liệu quý III", concurrencyStamp = s }))
            .Read<AssignmentDetailDto>();
        Assert.Equal("InProgress", returned.Row.State);
        Assert.True(returned.Row.Returned);
        Assert.Equal("InProgressWithinDeadline", returned.Row.Class);
        Assert.Contains(await w.List("sotc.daumoi", "mine=true&flag=Returned"), r => r.Id == id);
        Assert.True((await (await (await w.As("sotc.daumoi")).GetAsync("/api/assignments/inbox")).Read<InboxDto>()).Returned >= 1);

        await (await w.Act("sotc.daumoi", id, "reports", s => w.ReportToday(s, "k-2", "Báo cáo bổ sung"))).Read<ReportResultDto>();
        var done = await (await w.Act("vp.cv2", id, "review", s => new { passed = true, concurrencyStamp = s })).Read<AssignmentDetailDto>();
        Assert.Equal("Completed", done.Row.State);
        Assert.Equal("CompletedEarly", done.Row.Class);
        Assert.False(done.Row.AwaitingConfirmation);
        Assert.Equal(["Passed", "NotPassed"], done.Reports.Select(r => r.Status).Order().Reverse().ToList());
        Assert.Empty(done.Actions.Where(a => a != "Explain"));
        Assert.Equal(["Assigned", "Received", "ProgressPosted", "ReportSubmitted", "ReviewNotPassed", "ReportSubmitted", "ReviewPassed"],
            done.Timeline.Select(t => t.Kind).ToList());

        // Filters: class, state, document, unit.
        var byDoc = $"documentId={doc.Document.Id}";
        Assert.Equal(id, Assert.Single(await w.List("vp.cv1", $"{byDoc}&class=CompletedEarly")).Id);
        Assert.Equal(2, (await w.List("vp.cv1", $"{byDoc}&state=Assigned")).Count);
        Assert.Equal(2, (await w.List("vp.cv1", $"{byDoc}&class=InProgressWithinDeadline")).Count);
        Assert.Single(await w.List("chutich", $"{byDoc}&unitId={await w.Unit("xsadec")}"));
        Assert.Empty(await w.List("vp.cv1", $"{byDoc}&class=InProgressOverdue"));
        // The cooperating unit sees all three; an unrelated unit none.
        Assert.Equal(3, (await w.List("cucthue.daumoi", byDoc)).Count);
        Assert.Empty(await w.List("khobac.daumoi", byDoc));
    }

    [Fact]
    public async Task Overdue_and_no_deadline_are_classed_and_filtered()
    {
        var overdue = await w.EnterDocument("Rà soát hồ sơ tồn đọng", ["soyt"], deadline: w.Today.AddDays(-3), issueDate: w.Today.AddDays(-20));
        var none = await w.EnterDocument("Theo dõi thường xuyên", ["soyt"], noDeadline: true);
        var o = overdue.Tasks[0].Assignments[0];
        Assert.Equal("InProgressOverdue", o.Class);
        Assert.Equal(3, o.DaysOverdue);
        Assert.Equal("NoDeadline", none.Tasks[0].Assignments[0].Class);
        Assert.Contains(await w.List("soyt.daumoi", "mine=true&flag=Overdue"), r => r.Id == o.Id);
        Assert.Contains(await w.List("vp.cv1", "class=InProgressOverdue"), r => r.Id == o.Id);
        Assert.Contains(await w.List("vp.cv1", "class=NoDeadline"), r => r.Id == none.Tasks[0].Assignments[0].Id);
        Assert.DoesNotContain(await w.List("vp.cv1", "class=NoDeadline"), r => r.Id == o.Id);
        var soon = await w.EnterDocument("Báo cáo gấp", ["soyt"], deadline: w.Today);
        Assert.True(soon.Tasks[0].Assignments[0].DueSoon);
        Assert.Contains(await w.List("soyt.lanhdao", "mine=true&flag=DueSoon"), r => r.Id == soon.Tasks[0].Assignments[0].Id);
    }

    [Fact]
    public async Task All_commune_committees_expands_to_one_assignment_per_active_commune()
    {
        var doc = await w.EnterDocument("Triển khai cho tất cả UBND cấp xã", [], leadGroup: "AllCommunes");
        var units = await (await (await w.As("admin")).GetAsync("/api/units")).Read<List<UnitRow>>();
        var communes = units.Where(u => u.Kind == "CommuneCommittee" && u.IsActive).Select(u => u.Id).ToHashSet();
        Assert.Equal(communes.Count, doc.Document.AssignmentCount);
        Assert.All(doc.Tasks[0].Assignments, a => Assert.Contains(a.LeadUnitId, communes));
    }

    [Theory]
    // who, operation, state the assignment is in first, expected status
    [InlineData("soxd.daumoi", "receive", "Assigned", 200)]
    [InlineData("soxd.lanhdao", "receive", "Assigned", 200)]
    [InlineData("sotc.daumoi", "receive", "Assigned", 403)] // cooperating unit
    [InlineData("xsadec.daumoi", "receive", "Assigned", 404)] // unrelated unit
    [InlineData("vp.cv1", "receive", "Assigned", 403)]
    [InlineData("chutich", "receive", "Assigned", 403)]
    [InlineData("admin", "receive", "Assigned", 404)]
    [InlineData("soxd.daumoi", "receive", "Received", 409)]
    [InlineData("soxd.daumoi", "progress", "Assigned", 200)]
    [InlineData("soxd.daumoi", "progress", "AwaitingReview", 409)]
    [InlineData("sotc.daumoi", "progress", "Received", 403)]
    [InlineData("soxd.daumoi", "reports", "Received", 200)]
    [InlineData("sotc.lanhdao", "reports", "Received", 403)]
    [InlineData("vp.cv1", "reports", "Received", 403)]
    [InlineData("soxd.daumoi", "reports", "AwaitingReview", 409)]
    [InlineData("soxd.daumoi", "reports/withdraw", "AwaitingReview", 200)]
    [InlineData("soxd.daumoi", "reports/withdraw", "Received", 409)]
    [InlineData("soxd.daumoi", "extensions", "Received", 200)]
    [InlineData("vp.cv1", "extensions", "Received", 403)]
    [InlineData("soxd.daumoi", "refusal", "Assigned", 200)]
    [InlineData("soxd.daumoi", "explanation", "Completed", 200)]
    [InlineData("soxd.daumoi", "explanation", "Cancelled", 409)]
    [InlineData("soxd.daumoi", "adjustments", "Received", 200)]
    [InlineData("sotc.daumoi", "contributions", "Received", 200)]
    [InlineData("soxd.daumoi", "contributions", "Received", 403)]
    [InlineData("sotc.daumoi", "contributions", "Cancelled", 409)]
    [InlineData("vp.cv1", "review", "AwaitingReview", 200)]
    [InlineData("vp.lanhdao", "review", "AwaitingReview", 200)]
    [InlineData("soxd.lanhdao", "review", "AwaitingReview", 403)]
    [InlineData("chutich", "review", "AwaitingReview", 403)]
    [InlineData("vp.cv1", "review", "Received", 409)]
    [InlineData("vp.cv2", "urge", "Received", 200)]
    [InlineData("vp.cv1", "urge", "AwaitingReview", 409)]
    [InlineData("soxd.daumoi", "urge", "Received", 403)]
    [InlineData("vp.cv1", "transfer", "Received", 200)]
    [InlineData("vp.cv1", "transfer", "Completed", 409)]
    [InlineData("soxd.lanhdao", "transfer", "Received", 403)]
    [InlineData("vp.cv1", "cancel", "Assigned", 200)]
    [InlineData("vp.cv1", "cancel", "Completed", 409)]
    [InlineData("soxd.daumoi", "cancel", "Assigned", 403)]
    [InlineData("chutich", "view", "Received", 200)]
    [InlineData("sotc.daumoi", "view", "Received", 200)]
    [InlineData("xsadec.lanhdao", "view", "Received", 404)]
    [InlineData("admin", "view", "Received", 404)]
    public async Task Role_operation_state_matrix(string user, string operation, string state, int expected)
    {
        var id = await Arrange(state);
        HttpResponseMessage res;
        if (operation == "view") res = await (await w.As(user)).GetAsync($"/api/assignments/{id}");
        else res = await w.Act(user, id, operation, s => Body(operation, s));
        if (expected == 200) await res.Read<System.Text.Json.JsonElement>();
        else await res.Problem((HttpStatusCode)expected);
    }

    private async Task<Guid> Arrange(string state)
    {
        var doc = await w.EnterDocument($"Ma trận quyền {state}", ["soxd"], ["sotc"], deadline: w.Today.AddDays(20));
        var id = doc.Tasks[0].Assignments[0].Id;
        async Task Do(string user, string op, Func<Guid, object> body) =>
            await (await w.Act(user, id, op, body)).Read<System.Text.Json.JsonElement>();
        switch (state)
        {
            case "Received": await Do("soxd.daumoi", "receive", s => new { concurrencyStamp = s }); break;
            case "AwaitingReview": await Do("soxd.daumoi", "reports", s => w.ReportToday(s, "arrange")); break;
            case "Completed":
                await Do("soxd.daumoi", "reports", s => w.ReportToday(s, "arrange"));
                await Do("vp.cv1", "review", s => new { passed = true, concurrencyStamp = s });
                break;
            case "Cancelled": await Do("vp.cv1", "cancel", s => new { reason = "Không còn phù hợp", concurrencyStamp = s }); break;
        }
        return id;
    }

    private object Body(string operation, Guid s) => operation switch
    {
        "progress" => new { text = "Đang triển khai", percent = 50, concurrencyStamp = s },
        "reports" => w.ReportToday(s, Guid.NewGuid().ToString()),
        "extensions" => new { newDeadline = w.Today.AddDays(60), reason = "Chờ ý kiến Bộ", concurrencyStamp = s },
        "refusal" => new { reason = "Không thuộc chức năng", concurrencyStamp = s },
        "explanation" => new { text = "Giải trình lý do chậm", concurrencyStamp = s },
        "adjustments" => new { kind = "ChangeDeadline", reason = "Điều chỉnh kế hoạch", proposedDeadline = w.Today.AddDays(50), concurrencyStamp = s },
        "contributions" => new { text = "Sở Tài chính đã cân đối kinh phí", percent = (int?)null },
        "review" => new { passed = true, concurrencyStamp = s },
        "urge" => new { message = "Đề nghị khẩn trương báo cáo", concurrencyStamp = s },
        "transfer" => new { toUnitId = w.Unit("soct").Result, reason = "Đúng chức năng", concurrencyStamp = s },
        "cancel" => new { reason = "Không còn phù hợp", concurrencyStamp = s },
        _ => new { concurrencyStamp = s },
    };

    [Fact]
    public async Task Illegal_transitions_are_409_problem_details_with_a_code()
    {
        var id = (await w.EnterDocument("Chuyển trạng thái không hợp lệ", ["sotp"])).Tasks[0].Assignments[0].Id;
        var p = await (await w.Act("vp.cv1", id, "review", s => new { passed = true, concurrencyStamp = s })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("assignment.not_reported", p.GetProperty("code").GetString());
        p = await (await w.Act("sotp.daumoi", id, "reports/withdraw", s => new { concurrencyStamp = s })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("assignment.no_pending_report", p.GetProperty("code").GetString());
        // Validation: 400 with the field.
        var v = await (await w.Act("sotp.daumoi", id, "progress", s => new { text = "", concurrencyStamp = s })).Problem(HttpStatusCode.BadRequest);
        Assert.True(v.GetProperty("errors").TryGetProperty("Text", out _));
        // Missing stamp: 400.
        await (await w.Post("sotp.daumoi", id, "receive", new { })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("Assigned", (await w.Get("vp.cv1", id)).Row.State);
    }

    [Fact]
    public async Task Stale_concurrency_stamp_is_409_and_changes_nothing()
    {
        var id = (await w.EnterDocument("Kiểm tra tranh chấp cập nhật", ["sonv"])).Tasks[0].Assignments[0].Id;
        var stale = (await w.Get("sonv.daumoi", id)).Row.ConcurrencyStamp;
        await (await w.Post("sonv.daumoi", id, "receive", new { concurrencyStamp = stale })).Read<AssignmentDetailDto>();
        var before = await w.Get("vp.cv1", id);
        var p = await (await w.Post("sonv.lanhdao", id, "progress", new { text = "Cập nhật từ trang cũ", concurrencyStamp = stale }))
            .Problem(HttpStatusCode.Conflict);
        Assert.Equal("concurrency", p.GetProperty("code").GetString());
        var after = await w.Get("vp.cv1", id);
        Assert.Equal(before.Row.ConcurrencyStamp, after.Row.ConcurrencyStamp);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
        Assert.Null(after.Row.LastProgressText);
        Assert.Equal("Received", after.Row.State);
    }

    [Fact]
    public async Task Double_submitted_report_with_the_same_key_makes_one_report()
    {
        var id = (await w.EnterDocument("Gửi trùng báo cáo", ["sokhcn"])).Tasks[0].Assignments[0].Id;
        var stamp = (await w.Get("sokhcn.daumoi", id)).Row.ConcurrencyStamp;
        var body = w.ReportToday(stamp, "same-key-1");
        var a = await (await w.Post("sokhcn.daumoi", id, "reports", body)).Read<ReportResultDto>();
        var b = await (await w.Post("sokhcn.daumoi", id, "reports", body)).Read<ReportResultDto>();
        Assert.Equal(a.ReportId, b.ReportId);
        var detail = await w.Get("vp.cv1", id);
        Assert.Single(detail.Reports);
        Assert.Single(detail.Timeline, t => t.Kind == "ReportSubmitted");
        // The same key with other content is a conflict.
        var other = w.ReportToday(detail.Row.ConcurrencyStamp, "same-key-1", "Một báo cáo khác");
        await (await w.Post("sokhcn.daumoi", id, "reports", other)).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Lists_filter_by_category_and_sort_by_deadline_or_assignment_date()
    {
        var tag = "phanloai" + Guid.NewGuid().ToString("N")[..6];
        var near = await w.EnterDocument($"Rà soát {tag} gần", ["sonnmt"], deadline: w.Today.AddDays(10));
        app.Clock.Advance(TimeSpan.FromSeconds(30)); // assigned later (well within a bearer token's life)
        var far = await w.EnterDocument($"Rà soát {tag} xa", ["sonnmt"], deadline: w.Today.AddDays(50));
        var nearId = near.Tasks[0].Assignments[0].Id;
        var farId = far.Tasks[0].Assignments[0].Id;

        // The driver enters tasks as trọng tâm (key tasks).
        Assert.Equal(2, (await w.List("vp.cv1", $"q={tag}&nature=TrongTam")).Count);
        Assert.Empty(await w.List("vp.cv1", $"q={tag}&nature=DotXuat"));

        Assert.Equal([nearId, farId], (await w.List("vp.cv1", $"q={tag}")).Select(r => r.Id));
        Assert.Equal([farId, nearId], (await w.List("vp.cv1", $"q={tag}&sort=DeadlineDesc")).Select(r => r.Id));
        Assert.Equal([nearId, farId], (await w.List("vp.cv1", $"q={tag}&sort=AssignedOldest")).Select(r => r.Id));
    }

    [Fact]
    public async Task Search_ignores_diacritics_and_case()
    {
        var doc = await w.EnterDocument("Đẩy nhanh tiến độ các công trình giao thông trọng điểm tỉnh Đồng Tháp", ["soxd"]);
        var id = doc.Tasks[0].Assignments[0].Id;
        foreach (var q in new[] { "giao thong", "GIAO THÔNG", "Đông Tháp", "dong thap", "cong trinh giao" })
            Assert.Contains(await w.List("vp.cv1", $"q={Uri.EscapeDataString(q)}"), r => r.Id == id);
        Assert.DoesNotContain(await w.List("vp.cv1", "q=" + Uri.EscapeDataString("đường sắt cao tốc")), r => r.Id == id);
        var docs = await (await (await w.As("vp.cv1")).GetAsync("/api/documents?q=giao%20thong")).Read<Paged<DocumentRowDto>>();
        Assert.Contains(docs.Items, d => d.Id == doc.Document.Id);
    }

    [Fact]
    public async Task Second_extension_needs_an_office_leader_override()
    {
        var id = (await w.EnterDocument("Gia hạn hai lần", ["sogddt"], deadline: w.Today.AddDays(10))).Tasks[0].Assignments[0].Id;
        var r1 = await (await w.Act("sogddt.daumoi", id, "extensions", s => new { newDeadline = w.Today.AddDays(20), reason = "Chờ kinh phí", concurrencyStamp = s }))
            .Read<RequestResultDto>();
        Assert.Contains("DecideExtension", (await w.Get("vp.cv1", id)).Actions);
        var d1 = await (await w.Act("vp.cv1", id, $"extensions/{r1.RequestId}/decision", s => new { approve = true, concurrencyStamp = s }))
            .Read<AssignmentDetailDto>();
        Assert.Equal(w.Today.AddDays(20), d1.Row.Deadline);
        Assert.Equal(w.Today.AddDays(10), d1.Row.OriginalDeadline);

        var r2 = await (await w.Act("sogddt.daumoi", id, "extensions", s => new { newDeadline = w.Today.AddDays(30), reason = "Chờ thẩm định", concurrencyStamp = s }))
            .Read<RequestResultDto>();
        var limit = await (await w.Act("vp.cv1", id, $"extensions/{r2.RequestId}/decision", s => new { approve = true, concurrencyStamp = s }))
            .Problem(HttpStatusCode.Conflict);
        Assert.Equal("assignment.extension_limit", limit.GetProperty("code").GetString());
        await (await w.Act("vp.cv1", id, $"extensions/{r2.RequestId}/decision",
            s => new { approve = true, officeLeaderOverride = true, overrideReason = "Ngoại lệ", concurrencyStamp = s })).Problem(HttpStatusCode.Forbidden);
        Assert.Contains("OverrideExtension", (await w.Get("vp.lanhdao", id)).Actions);
        Assert.DoesNotContain("OverrideExtension", (await w.Get("vp.cv1", id)).Actions);
        var d2 = await (await w.Act("vp.lanhdao", id, $"extensions/{r2.RequestId}/decision",
            s => new { approve = true, officeLeaderOverride = true, overrideReason = "Dự án trọng điểm, Chủ tịch đồng ý", concurrencyStamp = s }))
            .Read<AssignmentDetailDto>();
        Assert.Equal(2, d2.ApprovedExtensionCount);
        Assert.Equal(w.Today.AddDays(30), d2.Row.Deadline);
        Assert.True(d2.Requests.Single(r => r.Id == r2.RequestId).IsOverride);
    }

    [Fact]
    public async Task Refusal_accepted_then_transfer_moves_the_assignment()
    {
        var id = (await w.EnterDocument("Từ chối và chuyển giao", ["sodtoc"])).Tasks[0].Assignments[0].Id;
        await (await w.Act("sodtoc.daumoi", id, "refusal", s => new { reason = "Không thuộc chức năng", concurrencyStamp = s })).Read<AssignmentDetailDto>();
        var accepted = await (await w.Act("vp.cv1", id, "refusal/decision", s => new { approve = true, concurrencyStamp = s })).Read<AssignmentDetailDto>();
        Assert.Contains("Transfer", accepted.Actions);
        Assert.DoesNotContain("Progress", (await w.Get("sodtoc.daumoi", id)).Actions);
        await (await w.Act("sodtoc.daumoi", id, "progress", s => new { text = "x", concurrencyStamp = s })).Problem(HttpStatusCode.Conflict);
        var moved = await (await w.Act("vp.cv1", id, "transfer", s => new { toUnitId = w.Unit("sovhttdl").Result, reason = "Đúng chức năng", concurrencyStamp = s }))
            .Read<AssignmentDetailDto>();
        Assert.Equal("Assigned", moved.Row.State);
        Assert.Equal(await w.Unit("sovhttdl"), moved.Row.LeadUnitId);
        await (await (await w.As("sodtoc.daumoi")).GetAsync($"/api/assignments/{id}")).Problem(HttpStatusCode.NotFound);
        Assert.Contains("Receive", (await w.Get("sovhttdl.daumoi", id)).Actions);
    }

    [Fact]
    public async Task Units_cannot_enter_documents_and_a_unit_with_assignments_cannot_be_deleted()
    {
        var res = await (await w.As("sotc.daumoi")).PostJson("/api/documents", new { source = "Document", summary = "x", tasks = Array.Empty<object>() });
        await res.Problem(HttpStatusCode.Forbidden);
        await w.EnterDocument("Đơn vị có nhiệm vụ", ["haiquan"]);
        var del = await (await w.As("admin")).DeleteAsync($"/api/units/{await w.Unit("haiquan")}");
        await del.Problem(HttpStatusCode.Conflict);
    }
}

public sealed class WorkflowTests_Sqlite(SqliteApp app) : WorkflowTests<SqliteApp>(app);
public sealed class WorkflowTests_Postgres(PostgresApp app) : WorkflowTests<PostgresApp>(app);
