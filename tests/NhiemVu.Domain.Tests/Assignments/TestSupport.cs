using NhiemVu.Domain.Assignments;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Directives;

namespace NhiemVu.Domain.Tests.Assignments;

/// <summary>Monday–Friday working calendar, no holidays (the real one is tested elsewhere).</summary>
internal sealed class WeekdayCalendar : IWorkingCalendar
{
    public bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var step = Math.Sign(days);
        var d = start;
        for (var left = Math.Abs(days); left > 0;)
        {
            d = d.AddDays(step);
            if (IsWorkingDay(d)) left--;
        }
        return d;
    }

    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from) return -CountWorkingDays(to, from);
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) n++;
        return n;
    }
}

internal static class T
{
    public static readonly Guid UnitA = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    public static readonly Guid UnitB = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    public static readonly Guid UnitC = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    public static readonly Guid OfficeUnit = Guid.Parse("00000000-0000-0000-0000-0000000000ff");
    public static readonly Guid Leader = Guid.Parse("00000000-0000-0000-0000-000000000101");
    public static readonly Guid Specialist = Guid.Parse("00000000-0000-0000-0000-000000000102");

    public static readonly Actor Office = new(Specialist, OfficeUnit);
    public static readonly Actor OfficeLeader = new(Guid.Parse("00000000-0000-0000-0000-000000000103"), OfficeUnit);
    public static readonly Actor FocalA = new(Guid.Parse("00000000-0000-0000-0000-000000000201"), UnitA);
    public static readonly Actor FocalB = new(Guid.Parse("00000000-0000-0000-0000-000000000202"), UnitB);

    /// <summary>A moment given in province local time (UTC+7), returned in UTC.</summary>
    public static DateTimeOffset Local(int y, int m, int d, int h = 9, int min = 0) =>
        new DateTimeOffset(y, m, d, h, min, 0, ProvinceTime.Offset).ToUniversalTime();

    public static DateOnly D(int y, int m, int d) => new(y, m, d);

    public static Assignment NewAssignment(DateOnly? deadline, DateTimeOffset? at = null) =>
        Assignment.Create(Guid.NewGuid(), UnitA, deadline, at ?? Local(2025, 3, 3), Office);

    public static ReportData Report(string number = "12/BC-SXD") =>
        new("Báo cáo kết quả thực hiện", number, "Kết quả rà soát dự án", D(2025, 3, 3), "Nguyễn Văn A");

    public static DirectiveDocumentData DocumentData(
        DirectiveKind? kind = DirectiveKind.CongVan, string? number = "1313/UBND-KSTT",
        Secrecy secrecy = Secrecy.Thuong, SourceKind source = SourceKind.Document) =>
        new(source, kind, number, "V/v nâng cao hiệu quả thực hiện nhiệm vụ", D(2025, 2, 24), Leader,
            source == SourceKind.Document ? "Phạm Anh Tuấn" : null,
            source == SourceKind.Document ? Specialist : null,
            Urgency.Thuong, secrecy);

    public static DirectiveDocument Document(Secrecy secrecy = Secrecy.Thuong) =>
        DirectiveDocument.Create(DocumentData(secrecy: secrecy), Local(2025, 2, 24, 10), Specialist);
}
