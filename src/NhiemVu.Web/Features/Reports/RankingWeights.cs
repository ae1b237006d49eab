using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NhiemVu.Data;
using NhiemVu.Domain.Common;
using NhiemVu.Domain.Reports;
using NhiemVu.Web.Infrastructure.Security;

namespace NhiemVu.Web.Features.Reports;

/// <summary>Where a year's weights come from.</summary>
public enum RankingWeightsSource
{
    /// <summary>An administrator set them for this year.</summary>
    Stored = 0,
    /// <summary>Taken over from the nearest earlier year an administrator set (<see cref="RankingWeightsDto.FromYear"/>).</summary>
    Inherited = 1,
    /// <summary>No year up to this one has stored weights: the configuration's Reports:Weights.</summary>
    Default = 2,
}

/// <summary>The weights of one year's emulation ranking. <see cref="ConcurrencyStamp"/> is null while the year has no
/// stored row; send it back unchanged with PUT (null to create the year's row).</summary>
public sealed record RankingWeightsDto(int Year, RankingWeightsSource Source, int? FromYear, decimal OnTimeRate, decimal CompletionRate,
    decimal TimelyRate, decimal PerOverdue, decimal PerCompletedLate, decimal PerMissingExplanation, decimal PerApprovedExtension,
    Guid? ConcurrencyStamp)
{
    public EmulationWeights Weights => new(OnTimeRate, CompletionRate, TimelyRate, PerOverdue, PerCompletedLate, PerMissingExplanation, PerApprovedExtension);
}

/// <summary>PUT body. Every weight is required (0 to 100, at most 2 decimals, not all zero).</summary>
public sealed record SaveRankingWeightsCommand(decimal? OnTimeRate, decimal? CompletionRate, decimal? TimelyRate, decimal? PerOverdue,
    decimal? PerCompletedLate, decimal? PerMissingExplanation, decimal? PerApprovedExtension, Guid? ConcurrencyStamp);

/// <summary>
/// The ranking weights per year, shared by /admin/ranking-weights, /reports/ranking and /api/reports/ranking-weights.
/// A year's weights: its own stored row, else the nearest earlier year's stored row, else configuration — so a past
/// year with its own row never changes when a later year is edited.
/// </summary>
public sealed class RankingWeightsHandlers(AppDbContext db, IOptions<ReportOptions> options)
{
    public const int MinYear = 2000, MaxYear = 2100;

    public async Task<RankingWeightsDto> GetAsync(int year)
    {
        CheckYear(year);
        var row = await db.RankingWeights.AsNoTracking().Where(r => r.Year <= year).OrderByDescending(r => r.Year).FirstOrDefaultAsync();
        if (row is null) return ToDto(year, RankingWeightsSource.Default, null, options.Value.Weights.ToWeights(), null);
        return row.Year == year
            ? ToDto(year, RankingWeightsSource.Stored, null, row.ToWeights(), row.ConcurrencyStamp)
            : ToDto(year, RankingWeightsSource.Inherited, row.Year, row.ToWeights(), null);
    }

    /// <summary>Sets the year's weights. The stamp must be the one read: the row's stamp, or null when the year had no row
    /// (someone else's save in between → 409, nothing written).</summary>
    public async Task<RankingWeightsDto> SaveAsync(int year, SaveRankingWeightsCommand c)
    {
        CheckYear(year);
        static decimal Req(decimal? v, string field) => v ?? throw new DomainValidationException(field, "Hãy nhập trọng số (một số từ 0 đến 100).");
        var w = new EmulationWeights(Req(c.OnTimeRate, "onTimeRate"), Req(c.CompletionRate, "completionRate"), Req(c.TimelyRate, "timelyRate"),
            Req(c.PerOverdue, "perOverdue"), Req(c.PerCompletedLate, "perCompletedLate"), Req(c.PerMissingExplanation, "perMissingExplanation"),
            Req(c.PerApprovedExtension, "perApprovedExtension")).Validate();

        var row = await db.RankingWeights.FirstOrDefaultAsync(r => r.Year == year);
        if (row is null)
        {
            if (c.ConcurrencyStamp is not null) throw Conflict();
            row = new RankingWeightsRow { Year = year };
            db.RankingWeights.Add(row);
        }
        else
        {
            if (c.ConcurrencyStamp != row.ConcurrencyStamp) throw Conflict();
            // What EF compares on save: a save by someone else between this read and the write fails too.
            db.Entry(row).Property(r => r.ConcurrencyStamp).OriginalValue = c.ConcurrencyStamp.Value;
            row.ConcurrencyStamp = Guid.NewGuid();
        }
        row.Set(w);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            throw Conflict(); // two first saves of the same year at once: the primary key refuses the second
        }
        return ToDto(year, RankingWeightsSource.Stored, null, row.ToWeights(), row.ConcurrencyStamp);
    }

    private static DomainException Conflict() => new("ranking_weights.conflict",
        "Trọng số của năm này vừa được người khác thay đổi. Hãy tải lại trang để xem trọng số mới nhất rồi thử lại.");

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear) throw new DomainValidationException("year", "Năm phải từ 2000 đến 2100.");
    }

    private static RankingWeightsDto ToDto(int year, RankingWeightsSource source, int? fromYear, EmulationWeights w, Guid? stamp) =>
        new(year, source, fromYear, w.OnTimeRate, w.CompletionRate, w.TimelyRate, w.PerOverdue, w.PerCompletedLate, w.PerMissingExplanation,
            w.PerApprovedExtension, stamp);

    /// <summary>/api/reports/ranking-weights/{year}: read by those who see reports and the administrator; written by the administrator.</summary>
    public static void MapApi(RouteGroupBuilder g)
    {
        g.WithTags("Báo cáo, thống kê");
        g.MapGet("/{year:int}", async (int year, RankingWeightsHandlers h) => TypedResults.Ok(await h.GetAsync(year)))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator, Roles.OfficeSpecialist, Roles.OfficeLeader, Roles.ProvincialLeader))
            .WithSummary("Trọng số xếp hạng thi đua của một năm (source: Stored — đã đặt cho năm này; Inherited — lấy của năm fromYear; Default — cấu hình)")
            .ProducesValidationProblem();
        g.MapPut("/{year:int}", async (int year, SaveRankingWeightsCommand c, RankingWeightsHandlers h) => TypedResults.Ok(await h.SaveAsync(year, c)))
            .RequireAuthorization(IdentitySetup.AdminPolicy)
            .WithSummary("Đặt trọng số xếp hạng thi đua của một năm (quản trị hệ thống; gửi concurrencyStamp đã đọc, null nếu năm chưa có)")
            .ProducesValidationProblem().ProducesProblem(409);
    }
}
