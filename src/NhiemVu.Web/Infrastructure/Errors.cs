namespace NhiemVu.Web.Infrastructure;

/// <summary>The thing asked for does not exist, or the user may not know it exists (404).</summary>
public sealed class NotFoundException(string message = "Không tìm thấy dữ liệu yêu cầu.") : Exception(message);

/// <summary>The user is known but may not do this (403).</summary>
public sealed class ForbiddenException(string message = "Bạn không có quyền thực hiện thao tác này.") : Exception(message);
