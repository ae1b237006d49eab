using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NhiemVu.Web.Features;

[AllowAnonymous, IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Đã có lỗi xảy ra";
    public string Detail { get; private set; } = "Dữ liệu của bạn chưa bị thay đổi. Hãy thử lại sau ít phút.";

    public void OnGet(int? code) => Set(code);
    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        if (code is null) return;
        Response.StatusCode = code.Value;
        (Title, Detail) = code switch
        {
            404 => ("Không tìm thấy trang", "Địa chỉ không tồn tại hoặc dữ liệu đã được chuyển đi."),
            403 => ("Không có quyền", "Bạn không có quyền xem trang này."),
            400 => ("Yêu cầu không hợp lệ", "Biểu mẫu đã hết hạn hoặc dữ liệu gửi lên không hợp lệ. Hãy tải lại trang và thử lại."),
            413 => ("Dữ liệu quá lớn", "Dữ liệu gửi lên vượt quá giới hạn cho phép."),
            _ => (Title, Detail),
        };
    }
}
