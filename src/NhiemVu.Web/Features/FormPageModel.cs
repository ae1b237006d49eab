using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NhiemVu.Domain.Common;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Features;

/// <summary>
/// A page with a form: runs a handler and turns the same exceptions the API maps to problem
/// details into messages beside the fields (validation) or above the form (rules, concurrency),
/// keeping what the user typed.
/// </summary>
public abstract class FormPageModel : PageModel
{
    public Dictionary<string, string> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? FormError { get; protected set; }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    /// <summary>Open tasks the submitted content nearly duplicates (shown with a confirmation tick box).</summary>
    public IReadOnlyList<Documents.SimilarTask> Duplicates { get; private set; } = [];

    protected async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (DomainValidationException v) { Errors[v.Field] = v.Message; }
        catch (Documents.NearDuplicateException d) { FormError = d.Message; Duplicates = d.Candidates; }
        catch (DomainException d) { FormError = d.Message; }
        catch (LockedException l) { FormError = l.Message; }
        catch (NotFoundException n) { FormError = n.Message; }
        catch (ForbiddenException f) { FormError = f.Message; }
        catch (DbUpdateConcurrencyException)
        {
            FormError = "Dữ liệu đã được người khác cập nhật trong lúc bạn thao tác. Hãy tải lại trang để xem bản mới nhất rồi thử lại.";
        }
        return false;
    }
}
