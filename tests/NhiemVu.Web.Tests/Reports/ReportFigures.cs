using NhiemVu.Domain.Reports;

namespace NhiemVu.Web.Tests.Reports;

/// <summary>Every figure of a group, as one comparable string (the report tests compare figures group by group).</summary>
internal static class ReportFigures
{
    public static string Of(GroupStatistics s) => string.Join(",", new[]
    {
        s.Total, s.CompletedEarly, s.CompletedOnTime, s.CompletedLate, s.InProgressWithinDeadline, s.InProgressOverdue, s.NoDeadline,
        s.AwaitingConfirmation, s.CarriedOver, s.ApprovedExtensions, s.AssignmentsExtended, s.MissingExplanation, s.ReportsEntered, s.ReportsEnteredInTime,
    });
}
