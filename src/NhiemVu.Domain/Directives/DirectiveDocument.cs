using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Directives;

/// <summary>
/// Văn bản chỉ đạo — what assigns work (seed 002, art. 6.3a) — or, for a task without a formal
/// document, its source (bút phê, chỉ đạo trực tiếp). One entity for both so that every task has
/// exactly one source row to point at.
/// </summary>
public sealed class DirectiveDocument
{
    public const int MaxNumberAndSymbolLength = 100;
    public const int MaxSummaryLength = 2000;
    public const int MaxSignerLength = 200;

    private DirectiveDocument() { }

    public Guid Id { get; private set; }
    public SourceKind Source { get; private set; }
    /// <summary>The document kind; null when <see cref="Source"/> is not <see cref="SourceKind.Document"/>.</summary>
    public DirectiveKind? Kind { get; private set; }
    /// <summary>Số, ký hiệu, e.g. "1313/UBND-KSTT". Empty ("") only for phiếu lấy ý kiến and non-document sources.</summary>
    public string NumberAndSymbol { get; private set; } = "";
    /// <summary>Trích yếu (for a bút phê or a verbal direction: what was directed, where).</summary>
    public string Summary { get; private set; } = "";
    /// <summary>Ngày ban hành (for a non-document source: the day of the direction).</summary>
    public DateOnly IssueDate { get; private set; }
    /// <summary>
    /// Giờ phát hành, when known (optional): the same-day entry rule turns on it (seed 002 art. 6.3b: a document
    /// issued after 15:00 may be entered the next working day). Without it only the date is judged.
    /// </summary>
    public TimeOnly? IssueTime { get; private set; }
    /// <summary>Người chỉ đạo (user id of the Chairman / Vice-Chairman).</summary>
    public Guid DirectingLeaderId { get; private set; }
    /// <summary>Người ký (name as printed on the document); required for documents.</summary>
    public string? SignerName { get; private set; }
    /// <summary>Chuyên viên soạn thảo; required for documents.</summary>
    public Guid? DraftingSpecialistId { get; private set; }
    public Urgency Urgency { get; private set; }
    public Secrecy Secrecy { get; private set; }
    public Guid? FieldId { get; private set; }
    public DateTimeOffset EnteredAtUtc { get; private set; }
    public Guid EnteredByUserId { get; private set; }
    public DateTimeOffset? UpdatedAtUtc { get; private set; }
    public Guid? UpdatedByUserId { get; private set; }
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>A secret document (any độ mật other than thường) and its tasks are never public.</summary>
    public bool IsSecret => Secrecy != Secrecy.Thuong;

    public static DirectiveDocument Create(DirectiveDocumentData data, DateTimeOffset now, Guid enteredByUserId)
    {
        if (enteredByUserId == Guid.Empty)
            throw new DomainValidationException(nameof(EnteredByUserId), "Thiếu người nhập văn bản.");
        var doc = new DirectiveDocument
        {
            Id = Guid.CreateVersion7(now),
            EnteredAtUtc = now.ToUniversalTime(),
            EnteredByUserId = enteredByUserId,
        };
        doc.Set(data, now);
        doc.ConcurrencyStamp = Guid.NewGuid();
        return doc;
    }

    /// <summary>Corrects the document's fields (the office's data entry). Tasks already created keep
    /// their own public flag; the caller re-applies <see cref="DirectiveTask.SetPublic"/> if secrecy changed.</summary>
    public void Update(DirectiveDocumentData data, DateTimeOffset now, Guid userId)
    {
        Set(data, now);
        UpdatedAtUtc = now.ToUniversalTime();
        UpdatedByUserId = userId;
        ConcurrencyStamp = Guid.NewGuid();
    }

    private void Set(DirectiveDocumentData d, DateTimeOffset now)
    {
        var isDocument = d.Source == SourceKind.Document;
        if (!Enum.IsDefined(d.Source))
            throw new DomainValidationException(nameof(Source), "Nguồn giao nhiệm vụ không hợp lệ.");
        if (isDocument && d.Kind is null)
            throw new DomainValidationException(nameof(Kind), "Phải chọn loại văn bản.");
        if (d.Kind is { } k && !Enum.IsDefined(k))
            throw new DomainValidationException(nameof(Kind), "Loại văn bản không hợp lệ.");
        if (!isDocument && d.Kind is not null)
            throw new DomainValidationException(nameof(Kind), "Nhiệm vụ từ bút phê hoặc chỉ đạo trực tiếp không có loại văn bản.");

        var number = (d.NumberAndSymbol ?? "").Trim();
        var numberMayBeEmpty = !isDocument || d.Kind == DirectiveKind.PhieuLayYKien;
        if (number.Length == 0 && !numberMayBeEmpty)
            throw new DomainValidationException(nameof(NumberAndSymbol), "Phải nhập số, ký hiệu văn bản (chỉ phiếu lấy ý kiến được để trống).");
        if (number.Length > MaxNumberAndSymbolLength)
            throw new DomainValidationException(nameof(NumberAndSymbol), $"Số, ký hiệu không được dài quá {MaxNumberAndSymbolLength} ký tự.");

        var summary = (d.Summary ?? "").Trim();
        if (summary.Length == 0)
            throw new DomainValidationException(nameof(Summary), "Phải nhập trích yếu.");
        if (summary.Length > MaxSummaryLength)
            throw new DomainValidationException(nameof(Summary), $"Trích yếu không được dài quá {MaxSummaryLength} ký tự.");

        if (d.IssueDate == default)
            throw new DomainValidationException(nameof(IssueDate), "Phải nhập ngày ban hành.");
        if (d.IssueDate > ProvinceTime.LocalDate(now))
            throw new DomainValidationException(nameof(IssueDate), "Ngày ban hành không được sau ngày nhập văn bản.");
        if (d.IssueTime is { } time && d.IssueDate == ProvinceTime.LocalDate(now) && time > ProvinceTime.LocalTime(now))
            throw new DomainValidationException(nameof(IssueTime), "Giờ ban hành không được sau thời điểm nhập văn bản.");
        if (d.DirectingLeaderId == Guid.Empty)
            throw new DomainValidationException(nameof(DirectingLeaderId), "Phải chọn người chỉ đạo.");

        var signer = string.IsNullOrWhiteSpace(d.SignerName) ? null : d.SignerName.Trim();
        if (isDocument && signer is null)
            throw new DomainValidationException(nameof(SignerName), "Phải nhập người ký văn bản.");
        if (signer is { Length: > MaxSignerLength })
            throw new DomainValidationException(nameof(SignerName), $"Tên người ký không được dài quá {MaxSignerLength} ký tự.");

        var drafter = d.DraftingSpecialistId == Guid.Empty ? null : d.DraftingSpecialistId;
        if (isDocument && drafter is null)
            throw new DomainValidationException(nameof(DraftingSpecialistId), "Phải chọn chuyên viên soạn thảo.");

        if (!Enum.IsDefined(d.Urgency))
            throw new DomainValidationException(nameof(Urgency), "Độ khẩn không hợp lệ.");
        if (!Enum.IsDefined(d.Secrecy))
            throw new DomainValidationException(nameof(Secrecy), "Độ mật không hợp lệ.");

        Source = d.Source;
        Kind = d.Kind;
        NumberAndSymbol = number;
        Summary = summary;
        IssueDate = d.IssueDate;
        IssueTime = d.IssueTime is { } t ? new TimeOnly(t.Hour, t.Minute) : null;
        DirectingLeaderId = d.DirectingLeaderId;
        SignerName = signer;
        DraftingSpecialistId = drafter;
        Urgency = d.Urgency;
        Secrecy = d.Secrecy;
        FieldId = d.FieldId == Guid.Empty ? null : d.FieldId;
    }
}

/// <summary>The fields the office enters for a directive document or a task source.</summary>
public sealed record DirectiveDocumentData(
    SourceKind Source,
    DirectiveKind? Kind,
    string? NumberAndSymbol,
    string Summary,
    DateOnly IssueDate,
    Guid DirectingLeaderId,
    string? SignerName,
    Guid? DraftingSpecialistId,
    Urgency Urgency = Urgency.Thuong,
    Secrecy Secrecy = Secrecy.Thuong,
    Guid? FieldId = null,
    TimeOnly? IssueTime = null);
