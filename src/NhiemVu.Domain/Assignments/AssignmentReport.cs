namespace NhiemVu.Domain.Assignments;

/// <summary>
/// Báo cáo kết quả (seed 002, art. 7.5b): the report document's name, number and symbol, summary,
/// date and signer. Its submission time decides early / on time / late (art. 7, last paragraph).
/// The signed or scanned file is attached by the web layer (files are infrastructure).
/// </summary>
public sealed class AssignmentReport
{
    public const int MaxKeyLength = 100;

    private AssignmentReport() { }

    internal AssignmentReport(Guid assignmentId, string idempotencyKey, ReportData data, DateTimeOffset submittedAtUtc, Actor by, Guid leadUnitId)
    {
        Id = Guid.CreateVersion7(submittedAtUtc);
        AssignmentId = assignmentId;
        IdempotencyKey = idempotencyKey;
        Name = data.Name;
        NumberAndSymbol = data.NumberAndSymbol;
        Summary = data.Summary;
        DocumentDate = data.DocumentDate;
        SignerName = data.SignerName;
        SubmittedAtUtc = submittedAtUtc;
        SubmittedByUserId = by.UserId;
        SubmittedByUnitId = leadUnitId;
        Status = AssignmentReportStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid AssignmentId { get; private set; }
    /// <summary>Chosen by the client per submission; a repeated submission with the same key returns this report.</summary>
    public string IdempotencyKey { get; private set; } = "";
    /// <summary>Tên văn bản báo cáo.</summary>
    public string Name { get; private set; } = "";
    public string NumberAndSymbol { get; private set; } = "";
    public string Summary { get; private set; } = "";
    /// <summary>Ngày ban hành văn bản báo cáo.</summary>
    public DateOnly DocumentDate { get; private set; }
    public string SignerName { get; private set; } = "";
    public DateTimeOffset SubmittedAtUtc { get; private set; }
    public Guid SubmittedByUserId { get; private set; }
    /// <summary>The lead unit that submitted (kept when the assignment is later transferred).</summary>
    public Guid SubmittedByUnitId { get; private set; }
    public AssignmentReportStatus Status { get; private set; }
    public DateTimeOffset? DecidedAtUtc { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    /// <summary>The reason given when not passed.</summary>
    public string? ReviewReason { get; private set; }

    internal bool SameContentAs(ReportData d) =>
        Name == d.Name && NumberAndSymbol == d.NumberAndSymbol && Summary == d.Summary
        && DocumentDate == d.DocumentDate && SignerName == d.SignerName;

    internal void Withdraw(DateTimeOffset at, Guid by) => Decide(AssignmentReportStatus.Withdrawn, at, by, null);

    internal void Decide(AssignmentReportStatus status, DateTimeOffset at, Guid by, string? reason)
    {
        Status = status;
        DecidedAtUtc = at;
        DecidedByUserId = by;
        ReviewReason = reason;
    }
}

/// <summary>The fields of a result report (seed 002, art. 7.5b). Strings are trimmed by the aggregate.</summary>
public sealed record ReportData(string Name, string NumberAndSymbol, string Summary, DateOnly DocumentDate, string SignerName);
