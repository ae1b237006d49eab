using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NhiemVu.Domain.Common;

namespace NhiemVu.Web.Infrastructure;

/// <summary>
/// Maps exceptions raised by handlers to RFC 9457 problem details for API requests: domain
/// rules → 409, validation → 400 with per-field messages, not found → 404, forbidden → 403,
/// concurrent edits → 409. Texts are in the request's UI language (Vietnamese by default).
/// Page requests fall through to the error page.
/// </summary>
public sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problems, IStringLocalizer<SharedResource> t, ILogger<ProblemDetailsExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        // The middleware has already rewritten Request.Path to the error page's path: the feature keeps the original.
        var path = new PathString(ctx.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? ctx.Request.Path.Value);
        if (!path.StartsWithSegments("/api")) return false;
        var (status, title, detail, code, errors) = Map(exception);
        if (status >= 500) log.LogError(exception, "Unhandled error on {Path}", path);
        ctx.Response.StatusCode = status;
        ProblemDetails pd = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors);
        pd.Status = status;
        pd.Title = t[title];
        pd.Detail = detail is null ? null : t[detail].Value;
        if (code is not null) pd.Extensions["code"] = code;
        if (exception is Features.Documents.NearDuplicateException nd) pd.Extensions["candidates"] = nd.Candidates;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = pd, Exception = exception });
    }

    private (int, string, string?, string?, Dictionary<string, string[]>?) Map(Exception ex) => ex switch
    {
        Features.Documents.ImportRowsException r => (400, "Dữ liệu không hợp lệ.", r.Message, "import.invalid_rows",
            r.Rows.GroupBy(e => e.Row).ToDictionary(g => $"row {g.Key}", g => g.Select(e => t[e.Reason].Value).ToArray())),
        DomainValidationException v => (400, "Dữ liệu không hợp lệ.", v.Message, v.Code,
            new Dictionary<string, string[]> { [v.Field] = [t[v.Message]] }),
        LockedException l => (423, "Đang khóa cập nhật.", l.Message, "locked", null),
        DomainException d => (409, "Thao tác không được phép ở trạng thái hiện tại.", d.Message, d.Code, null),
        NotFoundException n => (404, "Không tìm thấy.", n.Message, "not_found", null),
        ForbiddenException f => (403, "Không có quyền.", f.Message, "forbidden", null),
        DbUpdateConcurrencyException => (409, "Dữ liệu đã bị người khác thay đổi.",
            "Dữ liệu đã được người khác cập nhật trong lúc bạn thao tác. Hãy tải lại và thử lại.", "concurrency", null),
        BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? "Yêu cầu quá lớn." : "Yêu cầu không hợp lệ.",
            b.StatusCode == 413 ? "Dữ liệu gửi lên vượt quá giới hạn cho phép." : "Yêu cầu không đọc được (sai định dạng JSON hoặc thiếu trường bắt buộc).",
            "bad_request", null),
        _ => (500, "Lỗi hệ thống.", "Đã có lỗi xảy ra. Dữ liệu của bạn chưa bị thay đổi; hãy thử lại sau.", "server_error", null),
    };
}

/// <summary>The resource is locked for updates (lock window before a briefing meeting): 423.</summary>
public sealed class LockedException(string message) : Exception(message);
