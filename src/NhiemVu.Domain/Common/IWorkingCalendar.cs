namespace NhiemVu.Domain.Common;

/// <summary>
/// The province's working calendar: Monday–Friday, minus public holidays, plus make-up working
/// days (domain.md, "Time rules"). Dates are local dates in Asia/Ho_Chi_Minh.
/// </summary>
public interface IWorkingCalendar
{
    bool IsWorkingDay(DateOnly date);

    /// <summary>The date that is <paramref name="days"/> working days after <paramref name="start"/>
    /// (start itself not counted; negative counts go backwards; 0 returns start).</summary>
    DateOnly AddWorkingDays(DateOnly start, int days);

    /// <summary>Working days in the half-open range (from, to]: from excluded, to included.
    /// Negative when to is before from.</summary>
    int CountWorkingDays(DateOnly from, DateOnly to);
}
