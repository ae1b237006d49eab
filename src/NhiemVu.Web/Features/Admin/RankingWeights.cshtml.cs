using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Features.Reports;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Admin;

/// <summary>/admin/ranking-weights?year=: the administrator sets the emulation ranking's weights of a year.</summary>
[Authorize(Policy = IdentitySetup.AdminPolicy)]
public sealed class RankingWeightsModel(RankingWeightsHandlers weights, ReportQueries q) : FormPageModel
{
    /// <summary>The form's fields: API name, Vietnamese label, help text.</summary>
    public static readonly (string Field, string Label, string Help)[] Fields =
    [
        ("onTimeRate", "Tỷ lệ đúng hạn", "Điểm cộng cho mỗi 1% nhiệm vụ hoàn thành đúng hoặc trước hạn trên số đã hoàn thành."),
        ("timelyRate", "Tỷ lệ kịp thời", "Điểm cộng cho mỗi 1% nhiệm vụ hoàn thành đúng hoặc trước hạn trên tổng số nhiệm vụ có thời hạn (tính cả việc chưa xong)."),
        ("completionRate", "Tỷ lệ hoàn thành", "Điểm cộng cho mỗi 1% nhiệm vụ đã hoàn thành trên tổng số nhiệm vụ có thời hạn."),
        ("perOverdue", "Mỗi nhiệm vụ đang quá hạn", "Điểm trừ cho mỗi nhiệm vụ chưa hoàn thành đã quá hạn."),
        ("perCompletedLate", "Mỗi nhiệm vụ hoàn thành quá hạn", "Điểm trừ cho mỗi nhiệm vụ hoàn thành sau thời hạn."),
        ("perMissingExplanation", "Mỗi nhiệm vụ chưa giải trình", "Điểm trừ cho mỗi nhiệm vụ quá hạn hoặc hoàn thành trễ mà chưa có giải trình."),
        ("perApprovedExtension", "Mỗi lần gia hạn", "Điểm trừ cho mỗi lần gia hạn được chấp thuận."),
    ];

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>The typed values, by field (strings: parsed with a dot or a comma as the decimal mark, whatever the UI language).</summary>
    [BindProperty] public Dictionary<string, string?> Values { get; set; } = new();
    [BindProperty] public Guid? ConcurrencyStamp { get; set; }
    public RankingWeightsDto Current { get; private set; } = null!;
    public IReadOnlyList<EmulationEntry> Preview { get; private set; } = [];
    public int Y { get; private set; }
    /// <summary>A year not yet begun: no preview (every unit would score 0).</summary>
    public bool Future { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync(fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Y = ClampYear(Year);
        var parsed = new Dictionary<string, decimal?>();
        foreach (var (field, _, _) in Fields)
        {
            var raw = Values.GetValueOrDefault(field)?.Trim();
            if (string.IsNullOrEmpty(raw)) { parsed[field] = null; continue; }
            if (decimal.TryParse(raw.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                parsed[field] = v;
            else
                Errors[field] = "Hãy nhập một số từ 0 đến 100 (ví dụ 0,5).";
        }
        if (Errors.Count == 0 && await TryAsync(() => weights.SaveAsync(Y, new SaveRankingWeightsCommand(parsed["onTimeRate"], parsed["completionRate"],
                parsed["timelyRate"], parsed["perOverdue"], parsed["perCompletedLate"], parsed["perMissingExplanation"], parsed["perApprovedExtension"],
                ConcurrencyStamp))))
        {
            TempData["Flash"] = $"Đã lưu trọng số xếp hạng thi đua năm {Y}.";
            return RedirectToPage(new { year = Y });
        }
        await LoadAsync(fillForm: false);
        return Page();
    }

    private async Task LoadAsync(bool fillForm)
    {
        Y = ClampYear(Year);
        Year = Y;
        Current = await weights.GetAsync(Y);
        if (fillForm)
        {
            Values = Current.Weights.Named().ToDictionary(x => x.Field, x => (string?)Format(x.Value));
            ConcurrencyStamp = Current.ConcurrencyStamp;
        }
        // The administrator does not read reports (no province-wide report permission), but sees the effect of the
        // weights: unit names and scores only, computed as /reports/ranking does.
        Future = Y > ProvinceTime.LocalDate(q.Now).Year;
        if (Future) return;
        var r = await q.ComputeAsync(ReportPeriod.Year(Y), ReportOutputs.MonthEndOrNow(Y, 12, q.Now), ReportDimension.Unit, includeSecret: true);
        Preview = EmulationRanking.Rank(r.Groups.Select(g => g.Statistics), r.UnitNames, Current.Weights);
    }

    private int ClampYear(int? year) =>
        year is >= RankingWeightsHandlers.MinYear and <= RankingWeightsHandlers.MaxYear ? year.Value : ProvinceTime.LocalDate(q.Now).Year;

    public static string Format(decimal v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
