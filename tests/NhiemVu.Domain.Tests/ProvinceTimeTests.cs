using NhiemVu.Domain.Common;

namespace NhiemVu.Domain.Tests;

public class ProvinceTimeTests
{
    [Fact]
    public void Days_are_calendar_days_in_Asia_Ho_Chi_Minh()
    {
        // 2025-03-10 17:30 UTC is already 11 March 00:30 in the province.
        var instant = new DateTimeOffset(2025, 3, 10, 17, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2025, 3, 11), ProvinceTime.LocalDate(instant));
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 17, 0, 0, TimeSpan.Zero), ProvinceTime.StartOfDayUtc(new DateOnly(2025, 3, 11)));
    }
}
