using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Assignments;

/// <summary>
/// A task given to one lead unit (giao cho một đơn vị): its own state, deadline, extensions,
/// progress, reports and outcome. Every transition checks legality from the state, throws a
/// <see cref="DomainException"/> (Vietnamese message, stable code) when illegal, and appends an
/// <see cref="AssignmentEvent"/>. Role authorization is the web layer's job; the aggregate only
/// checks state legality and data validity. The current-state columns are a cache: they always
/// equal <see cref="AssignmentReplay.StateAt"/> of the events at the last event's time.
/// </summary>
/// <remarks>
/// Event times: each event is stamped with <c>max(now, last event's time)</c>, so the timeline is
/// never out of order even if two servers' clocks disagree slightly.
/// Auto-receive: posting progress or submitting a report while still Assigned first records a
/// Received event at the same moment (a unit that is working has evidently received the task;
/// refusing would only make focal officers click twice).
/// </remarks>
public sealed class Assignment
{
    public const int MaxTextLength = 4000;

    private readonly List<AssignmentEvent> _events = [];
    private readonly List<AssignmentReport> _reports = [];
    private readonly List<AssignmentRequest> _requests = [];

    private Assignment() { }

    public Guid Id { get; private set; }
    public Guid TaskId { get; private set; }
    /// <summary>The unit holding the assignment now (changes on transfer).</summary>
    public Guid LeadUnitId { get; private set; }
    public AssignmentState State { get; private set; }
    /// <summary>The deadline when first assigned; kept and shown after extensions (null: no deadline).</summary>
    public DateOnly? OriginalDeadline { get; private set; }
    /// <summary>The current deadline, after approved extensions / adjustments / transfer.</summary>
    public DateOnly? Deadline { get; private set; }
    public DateTimeOffset AssignedAtUtc { get; private set; }
    /// <summary>For a recurring task: the period's scheduled date (see <c>Time.RecurrenceSchedule</c>); null otherwise.</summary>
    public DateOnly? Period { get; private set; }
    /// <summary>When the current lead unit received it (reset by a transfer).</summary>
    public DateTimeOffset? ReceivedAtUtc { get; private set; }
    /// <summary>The passed report's submission time.</summary>
    public DateTimeOffset? CompletedAtUtc { get; private set; }
    public DateTimeOffset? CancelledAtUtc { get; private set; }
    public int ApprovedExtensionCount { get; private set; }
    public DateTimeOffset? LastProgressAtUtc { get; private set; }
    public int? LastProgressPercent { get; private set; }
    public string? LastProgressText { get; private set; }
    /// <summary>Giải trình: the newest explanation.</summary>
    public string? Explanation { get; private set; }
    public DateTimeOffset? ExplainedAtUtc { get; private set; }
    public int UrgeCount { get; private set; }
    public DateTimeOffset? LastUrgedAtUtc { get; private set; }
    /// <summary>The report awaiting review, if any.</summary>
    public Guid? PendingReportId { get; private set; }
    /// <summary>The office accepted the unit's refusal: only Transfer or Cancel may follow.</summary>
    public bool AwaitingReassignment { get; private set; }
    public int LastEventSequence { get; private set; }
    public DateTimeOffset LastEventAtUtc { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>Append-only timeline, in sequence order.</summary>
    public IReadOnlyList<AssignmentEvent> Events => _events;
    public IReadOnlyList<AssignmentReport> Reports => _reports;
    public IReadOnlyList<AssignmentRequest> Requests => _requests;

    public bool IsOpen => State is not (AssignmentState.Completed or AssignmentState.Cancelled);

    public AssignmentReport? FindPendingReport() =>
        PendingReportId is { } id ? _reports.FirstOrDefault(r => r.Id == id) : null;

    public AssignmentRequest? FindPendingRequest(AssignmentRequestKind kind) =>
        _requests.FirstOrDefault(r => r.Kind == kind && r.Status == AssignmentRequestStatus.Pending);

    // ---------------------------------------------------------------- creation

    /// <summary>Giao: a new assignment of <paramref name="taskId"/> to <paramref name="leadUnitId"/>.</summary>
    public static Assignment Create(Guid taskId, Guid leadUnitId, DateOnly? deadline, DateTimeOffset now, Actor by, DateOnly? period = null)
    {
        if (taskId == Guid.Empty) throw new DomainValidationException(nameof(TaskId), "Thiếu nhiệm vụ.");
        if (leadUnitId == Guid.Empty) throw new DomainValidationException(nameof(LeadUnitId), "Phải chọn đơn vị chủ trì.");
        var at = now.ToUniversalTime();
        var a = new Assignment
        {
            Id = Guid.CreateVersion7(at),
            TaskId = taskId,
            LeadUnitId = leadUnitId,
            State = AssignmentState.Assigned,
            OriginalDeadline = deadline,
            Deadline = deadline,
            AssignedAtUtc = at,
            Period = period,
            LastEventAtUtc = at,
        };
        a.Append(AssignmentEventKind.Assigned, at, by, toState: AssignmentState.Assigned, newDeadline: deadline, toUnitId: leadUnitId);
        return a;
    }

    // ---------------------------------------------------------------- unit operations

    /// <summary>Tiếp nhận.</summary>
    public void Receive(DateTimeOffset now, Actor by)
    {
        EnsureUnitCanAct();
        if (State != AssignmentState.Assigned)
            throw new DomainException("assignment.already_received", "Nhiệm vụ đã được tiếp nhận trước đó.");
        DoReceive(Stamp(now), by);
        Touch();
    }

    /// <summary>Cập nhật tiến độ. Allowed in Assigned (auto-receives), Received and InProgress.
    /// Received → InProgress. Refused while a report awaits review (withdraw it first).</summary>
    public void PostProgress(string text, int? percent, DateTimeOffset now, Actor by)
    {
        var note = Required(text, "Text", "Phải nhập nội dung tiến độ.");
        if (percent is { } p && p is < 0 or > 100)
            throw new DomainValidationException("Percent", "Tỷ lệ hoàn thành phải từ 0 đến 100%.");
        EnsureUnitCanAct();
        EnsureNoPendingReport("Đã gửi báo cáo kết quả đang chờ xác nhận; muốn cập nhật tiến độ hãy thu hồi báo cáo trước.");
        var at = Stamp(now);
        if (State == AssignmentState.Assigned) DoReceive(at, by);
        var from = State;
        State = AssignmentState.InProgress;
        LastProgressAtUtc = at;
        LastProgressPercent = percent;
        LastProgressText = note;
        Append(AssignmentEventKind.ProgressPosted, at, by,
            fromState: from == State ? null : from, toState: from == State ? null : State, text: note, percent: percent);
        Touch();
    }

    /// <summary>
    /// Báo cáo kết quả. A second submission with the same <paramref name="idempotencyKey"/> returns
    /// the report created by the first (whatever the state now); the same key with different
    /// content is a conflict. Allowed in Assigned (auto-receives), Received and InProgress.
    /// </summary>
    public AssignmentReport SubmitReport(ReportData data, string idempotencyKey, DateTimeOffset now, Actor by)
    {
        ArgumentNullException.ThrowIfNull(data);
        var key = Required(idempotencyKey, "IdempotencyKey", "Thiếu khóa chống gửi trùng.");
        if (key.Length > AssignmentReport.MaxKeyLength)
            throw new DomainValidationException("IdempotencyKey", "Khóa chống gửi trùng quá dài.");
        var clean = new ReportData(
            Required(data.Name, nameof(ReportData.Name), "Phải nhập tên văn bản báo cáo."),
            Required(data.NumberAndSymbol, nameof(ReportData.NumberAndSymbol), "Phải nhập số, ký hiệu văn bản báo cáo."),
            Required(data.Summary, nameof(ReportData.Summary), "Phải nhập trích yếu văn bản báo cáo."),
            data.DocumentDate,
            Required(data.SignerName, nameof(ReportData.SignerName), "Phải nhập người ký văn bản báo cáo."));

        var existing = _reports.FirstOrDefault(r => r.IdempotencyKey == key);
        if (existing is not null)
        {
            if (!existing.SameContentAs(clean))
                throw new DomainException("assignment.idempotency_key_reused", "Khóa chống gửi trùng đã được dùng cho một báo cáo khác.");
            return existing;
        }

        if (data.DocumentDate == default)
            throw new DomainValidationException(nameof(ReportData.DocumentDate), "Phải nhập ngày ban hành văn bản báo cáo.");
        EnsureUnitCanAct();
        EnsureNoPendingReport("Đã có báo cáo kết quả đang chờ xác nhận; không thể gửi thêm.");
        var at = Stamp(now);
        if (clean.DocumentDate > ProvinceTime.LocalDate(at))
            throw new DomainValidationException(nameof(ReportData.DocumentDate), "Ngày ban hành văn bản báo cáo không được sau ngày gửi.");

        if (State == AssignmentState.Assigned) DoReceive(at, by);
        var report = new AssignmentReport(Id, key, clean, at, by, LeadUnitId);
        _reports.Add(report);
        var from = State;
        State = AssignmentState.AwaitingReview;
        PendingReportId = report.Id;
        Append(AssignmentEventKind.ReportSubmitted, at, by, fromState: from, toState: State, reportId: report.Id, text: clean.Name);
        Touch();
        return report;
    }

    /// <summary>Thu hồi báo cáo: only while the office has not yet reviewed it. Back to InProgress.</summary>
    public void WithdrawReport(DateTimeOffset now, Actor by)
    {
        EnsureOpen();
        var report = FindPendingReport()
            ?? throw new DomainException("assignment.no_pending_report", "Không có báo cáo nào đang chờ xác nhận để thu hồi.");
        var at = Stamp(now);
        report.Withdraw(at, by.UserId);
        PendingReportId = null;
        State = AssignmentState.InProgress;
        Append(AssignmentEventKind.ReportWithdrawn, at, by, fromState: AssignmentState.AwaitingReview, toState: State, reportId: report.Id);
        Touch();
    }

    /// <summary>Gia hạn: ask for a later deadline. One pending extension request at a time. A unit may
    /// ask even after one approved extension; approving it then needs an office leader's override.</summary>
    public AssignmentRequest RequestExtension(DateOnly newDeadline, string reason, DateTimeOffset now, Actor by)
    {
        var why = Required(reason, "Reason", "Phải nêu lý do xin gia hạn.");
        EnsureUnitCanAct();
        EnsureNoPendingReport("Đã gửi báo cáo kết quả; không thể xin gia hạn.");
        if (Deadline is not { } current)
            throw new DomainException("assignment.no_deadline", "Nhiệm vụ không có thời hạn nên không cần gia hạn.");
        if (newDeadline <= current)
            throw new DomainValidationException("NewDeadline", "Thời hạn đề nghị phải sau thời hạn hiện tại.");
        if (FindPendingRequest(AssignmentRequestKind.Extension) is not null)
            throw new DomainException("assignment.extension_pending", "Đã có đề nghị gia hạn đang chờ Văn phòng quyết định.");
        var at = Stamp(now);
        var request = new AssignmentRequest(Id, AssignmentRequestKind.Extension, null, why, newDeadline, at, by, LeadUnitId);
        _requests.Add(request);
        Append(AssignmentEventKind.ExtensionRequested, at, by, oldDeadline: current, newDeadline: null, requestId: request.Id, text: why);
        Touch();
        return request;
    }

    /// <summary>Từ chối: the task is not within the unit's function. The office then decides.</summary>
    public AssignmentRequest Refuse(string reason, DateTimeOffset now, Actor by)
    {
        var why = Required(reason, "Reason", "Phải nêu lý do từ chối nhiệm vụ.");
        EnsureUnitCanAct();
        EnsureNoPendingReport("Đã gửi báo cáo kết quả; không thể từ chối nhiệm vụ.");
        if (FindPendingRequest(AssignmentRequestKind.Refusal) is not null)
            throw new DomainException("assignment.refusal_pending", "Đã có đề nghị từ chối đang chờ Văn phòng quyết định.");
        var at = Stamp(now);
        var request = new AssignmentRequest(Id, AssignmentRequestKind.Refusal, null, why, null, at, by, LeadUnitId);
        _requests.Add(request);
        Append(AssignmentEventKind.RefusalRequested, at, by, requestId: request.Id, text: why);
        Touch();
        return request;
    }

    /// <summary>Đề nghị điều chỉnh (seed 003): change the deadline, drop the task or add one, with a reason.</summary>
    public AssignmentRequest RequestAdjustment(AdjustmentKind kind, string reason, DateOnly? proposedDeadline, DateTimeOffset now, Actor by)
    {
        if (!Enum.IsDefined(kind))
            throw new DomainValidationException("Kind", "Loại đề nghị điều chỉnh không hợp lệ.");
        var why = Required(reason, "Reason", "Phải nêu lý do đề nghị điều chỉnh.");
        if (kind == AdjustmentKind.ChangeDeadline)
        {
            if (proposedDeadline is null)
                throw new DomainValidationException("ProposedDeadline", "Phải nêu thời hạn đề nghị.");
            if (proposedDeadline == Deadline)
                throw new DomainValidationException("ProposedDeadline", "Thời hạn đề nghị trùng với thời hạn hiện tại.");
        }
        else if (proposedDeadline is not null)
            throw new DomainValidationException("ProposedDeadline", "Chỉ đề nghị thay đổi thời hạn mới kèm thời hạn đề nghị.");
        EnsureUnitCanAct();
        EnsureNoPendingReport("Đã gửi báo cáo kết quả; không thể đề nghị điều chỉnh.");
        if (FindPendingRequest(AssignmentRequestKind.Adjustment) is not null)
            throw new DomainException("assignment.adjustment_pending", "Đã có đề nghị điều chỉnh đang chờ Văn phòng quyết định.");
        var at = Stamp(now);
        var request = new AssignmentRequest(Id, AssignmentRequestKind.Adjustment, kind, why, proposedDeadline, at, by, LeadUnitId);
        _requests.Add(request);
        Append(AssignmentEventKind.AdjustmentRequested, at, by, requestId: request.Id, text: why, adjustmentKind: kind,
            oldDeadline: kind == AdjustmentKind.ChangeDeadline ? Deadline : null);
        Touch();
        return request;
    }

    /// <summary>Giải trình: for an assignment that is (or was) overdue, late, or done but not reported
    /// (seed 000). Allowed in every state but Cancelled — a completed-late assignment needs one too.
    /// The newest explanation is kept on the assignment; all of them stay in the events.</summary>
    public void Explain(string text, DateTimeOffset now, Actor by)
    {
        var body = Required(text, "Text", "Phải nhập nội dung giải trình.");
        if (State == AssignmentState.Cancelled)
            throw new DomainException("assignment.cancelled", "Nhiệm vụ đã bị hủy.");
        var at = Stamp(now);
        Explanation = body;
        ExplainedAtUtc = at;
        Append(AssignmentEventKind.ExplanationGiven, at, by, text: body);
        Touch();
    }

    // ---------------------------------------------------------------- office operations

    /// <summary>Xác nhận: passed completes the assignment with the report's submission time as its
    /// completion time; not passed requires a reason and returns it to InProgress (art. 7.6).</summary>
    public void Review(bool passed, string? reason, DateTimeOffset now, Actor by)
    {
        EnsureOpen();
        var report = FindPendingReport()
            ?? throw new DomainException("assignment.not_reported", "Đơn vị chưa gửi báo cáo kết quả nên chưa thể xác nhận.");
        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!passed && why is null)
            throw new DomainValidationException("Reason", "Xác nhận không đạt phải nêu lý do.");
        if (why is { Length: > MaxTextLength })
            throw new DomainValidationException("Reason", $"Lý do không được dài quá {MaxTextLength} ký tự.");
        var at = Stamp(now);
        PendingReportId = null;
        if (passed)
        {
            report.Decide(AssignmentReportStatus.Passed, at, by.UserId, why);
            State = AssignmentState.Completed;
            CompletedAtUtc = report.SubmittedAtUtc;
            AwaitingReassignment = false;
            CloseRequests(at);
            Append(AssignmentEventKind.ReviewPassed, at, by, fromState: AssignmentState.AwaitingReview, toState: State,
                reportId: report.Id, approved: true, text: why);
        }
        else
        {
            report.Decide(AssignmentReportStatus.NotPassed, at, by.UserId, why);
            State = AssignmentState.InProgress;
            Append(AssignmentEventKind.ReviewNotPassed, at, by, fromState: AssignmentState.AwaitingReview, toState: State,
                reportId: report.Id, approved: false, text: why);
        }
        Touch();
    }

    /// <summary>
    /// Decide the pending extension request. At most one approved extension per assignment
    /// (seed 000): a further approval needs <paramref name="officeLeaderOverride"/> with a reason,
    /// recorded in the event. <paramref name="approvedDeadline"/> lets the office grant another date
    /// than the one asked (default: the proposed one); it must be after the current deadline.
    /// </summary>
    public void DecideExtension(bool approve, DateTimeOffset now, Actor by, string? note = null,
        bool officeLeaderOverride = false, string? overrideReason = null, DateOnly? approvedDeadline = null)
    {
        EnsureOpen();
        var request = FindPendingRequest(AssignmentRequestKind.Extension)
            ?? throw new DomainException("assignment.no_pending_extension", "Không có đề nghị gia hạn nào đang chờ quyết định.");
        var text = Optional(note, "Note");
        if (!approve)
        {
            var at = Stamp(now);
            request.Decide(false, at, by.UserId, text, null, false, null);
            Append(AssignmentEventKind.ExtensionRejected, at, by, requestId: request.Id, approved: false, text: text);
            Touch();
            return;
        }
        var granted = approvedDeadline ?? request.ProposedDeadline!.Value;
        if (Deadline is { } current && granted <= current)
            throw new DomainValidationException("ApprovedDeadline", "Thời hạn gia hạn phải sau thời hạn hiện tại.");
        var (isOverride, why) = CheckExtensionLimit(officeLeaderOverride, overrideReason);
        var time = Stamp(now);
        request.Decide(true, time, by.UserId, text, granted, isOverride, why);
        var old = Deadline;
        Deadline = granted;
        ApprovedExtensionCount++;
        Append(AssignmentEventKind.ExtensionApproved, time, by, oldDeadline: old, newDeadline: granted, requestId: request.Id,
            approved: true, countsAsExtension: true, isOverride: isOverride, overrideReason: why, text: text);
        Touch();
    }

    /// <summary>Decide the pending refusal. Accept: the office must then Transfer or Cancel (until then
    /// the unit can do nothing more). Reject: the unit continues.</summary>
    public void DecideRefusal(bool accept, DateTimeOffset now, Actor by, string? note = null)
    {
        EnsureOpen();
        var request = FindPendingRequest(AssignmentRequestKind.Refusal)
            ?? throw new DomainException("assignment.no_pending_refusal", "Không có đề nghị từ chối nào đang chờ quyết định.");
        var text = Optional(note, "Note");
        var at = Stamp(now);
        request.Decide(accept, at, by.UserId, text, null, false, null);
        if (accept) AwaitingReassignment = true;
        Append(accept ? AssignmentEventKind.RefusalAccepted : AssignmentEventKind.RefusalRejected, at, by,
            requestId: request.Id, approved: accept, text: text);
        Touch();
    }

    /// <summary>
    /// Decide the pending adjustment. ChangeDeadline to a later date obeys the one-extension rule
    /// (an earlier date, or a first deadline for a task without one, is not an extension); Drop
    /// approval cancels the assignment; Add approval is recorded only (the office creates the task).
    /// </summary>
    public void DecideAdjustment(bool approve, DateTimeOffset now, Actor by, string? note = null,
        bool officeLeaderOverride = false, string? overrideReason = null)
    {
        EnsureOpen();
        var request = FindPendingRequest(AssignmentRequestKind.Adjustment)
            ?? throw new DomainException("assignment.no_pending_adjustment", "Không có đề nghị điều chỉnh nào đang chờ quyết định.");
        var text = Optional(note, "Note");
        if (!approve)
        {
            var at = Stamp(now);
            request.Decide(false, at, by.UserId, text, null, false, null);
            Append(AssignmentEventKind.AdjustmentRejected, at, by, requestId: request.Id, approved: false,
                adjustmentKind: request.AdjustmentKind, text: text);
            Touch();
            return;
        }

        switch (request.AdjustmentKind)
        {
            case AdjustmentKind.ChangeDeadline:
            {
                var proposed = request.ProposedDeadline!.Value;
                var isExtension = Deadline is { } current && proposed > current;
                var (isOverride, why) = isExtension ? CheckExtensionLimit(officeLeaderOverride, overrideReason) : (false, null);
                var at = Stamp(now);
                request.Decide(true, at, by.UserId, text, proposed, isOverride, why);
                var old = Deadline;
                Deadline = proposed;
                if (isExtension) ApprovedExtensionCount++;
                Append(AssignmentEventKind.AdjustmentApproved, at, by, oldDeadline: old, newDeadline: proposed, requestId: request.Id,
                    approved: true, countsAsExtension: isExtension, isOverride: isOverride, overrideReason: why,
                    adjustmentKind: AdjustmentKind.ChangeDeadline, text: text);
                break;
            }
            case AdjustmentKind.Drop:
            {
                EnsureNoPendingReport("Báo cáo kết quả đang chờ xác nhận; hãy xác nhận báo cáo trước khi bỏ nhiệm vụ.");
                var at = Stamp(now);
                request.Decide(true, at, by.UserId, text, null, false, null);
                Append(AssignmentEventKind.AdjustmentApproved, at, by, requestId: request.Id, approved: true,
                    adjustmentKind: AdjustmentKind.Drop, text: text);
                DoCancel(request.Reason, at, by);
                break;
            }
            default:
            {
                var at = Stamp(now);
                request.Decide(true, at, by.UserId, text, null, false, null);
                Append(AssignmentEventKind.AdjustmentApproved, at, by, requestId: request.Id, approved: true,
                    adjustmentKind: request.AdjustmentKind, text: text);
                break;
            }
        }
        Touch();
    }

    /// <summary>Đôn đốc: a recorded reminder. Refused once closed, or while the report awaits the office.</summary>
    public void Urge(string message, DateTimeOffset now, Actor by)
    {
        var body = Required(message, "Message", "Phải nhập nội dung đôn đốc.");
        EnsureOpen();
        EnsureNoPendingReport("Đơn vị đã gửi báo cáo kết quả, đang chờ Văn phòng xác nhận; không cần đôn đốc.");
        var at = Stamp(now);
        UrgeCount++;
        LastUrgedAtUtc = at;
        Append(AssignmentEventKind.Urged, at, by, text: body);
        Touch();
    }

    /// <summary>
    /// Chuyển giao: the assignment moves to <paramref name="toUnitId"/> and goes back to Assigned.
    /// History moves with it; earlier events keep the old unit. A new deadline replaces the current
    /// one without counting as an extension (it is the office's own decision); the original deadline
    /// is kept. Pending requests of the old unit are closed. Refused while a report awaits review.
    /// </summary>
    public void Transfer(Guid toUnitId, DateOnly? newDeadline, string? reason, DateTimeOffset now, Actor by)
    {
        if (toUnitId == Guid.Empty)
            throw new DomainValidationException("ToUnitId", "Phải chọn đơn vị nhận chuyển giao.");
        var why = Optional(reason, "Reason");
        EnsureOpen();
        EnsureNoPendingReport("Báo cáo kết quả đang chờ xác nhận; hãy xác nhận báo cáo trước khi chuyển giao.");
        if (toUnitId == LeadUnitId)
            throw new DomainException("assignment.same_unit", "Nhiệm vụ đang do chính đơn vị này chủ trì.");
        var at = Stamp(now);
        var fromUnit = LeadUnitId;
        var fromState = State;
        var oldDeadline = Deadline;
        var deadlineChanges = newDeadline is not null && newDeadline != Deadline;
        CloseRequests(at);
        AwaitingReassignment = false;
        ReceivedAtUtc = null;
        State = AssignmentState.Assigned;
        if (deadlineChanges) Deadline = newDeadline;
        Append(AssignmentEventKind.Transferred, at, by, fromState: fromState, toState: State,
            fromUnitId: fromUnit, toUnitId: toUnitId,
            oldDeadline: deadlineChanges ? oldDeadline : null, newDeadline: deadlineChanges ? newDeadline : null, text: why);
        LeadUnitId = toUnitId;
        Touch();
    }

    /// <summary>Hủy: from any open state except AwaitingReview (review the report first).</summary>
    public void Cancel(string reason, DateTimeOffset now, Actor by)
    {
        var why = Required(reason, "Reason", "Phải nêu lý do hủy nhiệm vụ.");
        EnsureOpen();
        EnsureNoPendingReport("Báo cáo kết quả đang chờ xác nhận; hãy xác nhận báo cáo trước khi hủy.");
        DoCancel(why, Stamp(now), by);
        Touch();
    }

    // ---------------------------------------------------------------- helpers

    private void DoReceive(DateTimeOffset at, Actor by)
    {
        State = AssignmentState.Received;
        ReceivedAtUtc = at;
        Append(AssignmentEventKind.Received, at, by, fromState: AssignmentState.Assigned, toState: AssignmentState.Received);
    }

    private void DoCancel(string reason, DateTimeOffset at, Actor by)
    {
        var from = State;
        CloseRequests(at);
        State = AssignmentState.Cancelled;
        CancelledAtUtc = at;
        AwaitingReassignment = false;
        Append(AssignmentEventKind.Cancelled, at, by, fromState: from, toState: State, text: reason);
    }

    private (bool IsOverride, string? Reason) CheckExtensionLimit(bool officeLeaderOverride, string? overrideReason)
    {
        if (ApprovedExtensionCount < 1) return (false, null);
        if (!officeLeaderOverride)
            throw new DomainException("assignment.extension_limit",
                "Nhiệm vụ đã được gia hạn một lần; không được gia hạn quá 01 lần trừ khi lãnh đạo Văn phòng quyết định ngoại lệ.");
        var why = Required(overrideReason, "OverrideReason", "Gia hạn lần thứ hai phải ghi rõ lý do ngoại lệ của lãnh đạo Văn phòng.");
        return (true, why);
    }

    private void CloseRequests(DateTimeOffset at)
    {
        foreach (var r in _requests.Where(r => r.IsPending)) r.Close(at);
    }

    private void EnsureOpen()
    {
        if (State == AssignmentState.Completed)
            throw new DomainException("assignment.completed", "Nhiệm vụ đã hoàn thành.");
        if (State == AssignmentState.Cancelled)
            throw new DomainException("assignment.cancelled", "Nhiệm vụ đã bị hủy.");
    }

    private void EnsureUnitCanAct()
    {
        EnsureOpen();
        if (AwaitingReassignment)
            throw new DomainException("assignment.awaiting_reassignment",
                "Văn phòng đã chấp nhận đề nghị từ chối; nhiệm vụ đang chờ chuyển giao hoặc hủy.");
    }

    private void EnsureNoPendingReport(string message)
    {
        if (State == AssignmentState.AwaitingReview)
            throw new DomainException("assignment.report_pending", message);
    }

    private static string Required(string? value, string field, string message)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) throw new DomainValidationException(field, message);
        if (v.Length > MaxTextLength)
            throw new DomainValidationException(field, $"Nội dung không được dài quá {MaxTextLength} ký tự.");
        return v;
    }

    private static string? Optional(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Required(value, field, "");

    /// <summary>The event time: <paramref name="now"/> in UTC, never before the last event.</summary>
    private DateTimeOffset Stamp(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        return utc < LastEventAtUtc ? LastEventAtUtc : utc;
    }

    private void Touch() => ConcurrencyStamp = Guid.NewGuid();

    private void Append(AssignmentEventKind kind, DateTimeOffset at, Actor by,
        AssignmentState? fromState = null, AssignmentState? toState = null,
        DateOnly? oldDeadline = null, DateOnly? newDeadline = null,
        Guid? fromUnitId = null, Guid? toUnitId = null,
        Guid? reportId = null, Guid? requestId = null,
        string? text = null, int? percent = null,
        bool? approved = null, bool countsAsExtension = false,
        bool isOverride = false, string? overrideReason = null,
        AdjustmentKind? adjustmentKind = null)
    {
        LastEventSequence++;
        LastEventAtUtc = at;
        _events.Add(new AssignmentEvent(Id, LastEventSequence, kind, at, by, LeadUnitId,
            fromState, toState, oldDeadline, newDeadline, fromUnitId, toUnitId, reportId, requestId,
            text, percent, approved, countsAsExtension, isOverride, overrideReason, adjustmentKind));
        Touch();
    }
}
