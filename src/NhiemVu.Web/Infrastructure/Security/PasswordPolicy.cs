using Microsoft.AspNetCore.Identity;
using NhiemVu.Data;

namespace NhiemVu.Web.Infrastructure.Security;

/// <summary>
/// OWASP ASVS 5 (V6.2): a minimum length (12 by default) and a maximum that still allows long
/// passphrases (128), no composition rules, and refusal of common or context-specific passwords
/// (the user name, the product name, well-known breached passwords, one repeated character).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MaxLength = 128;

    // Frequent entries of public breach corpora plus local context words. Compared after
    // lower-casing and stripping trailing digits and punctuation, so "Password2024!" is caught.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "passw0rd", "p@ssword", "p@ssw0rd", "123456789", "1234567890", "12345678", "123456",
        "qwerty", "qwertyuiop", "qwerty123", "abc123", "abcdef", "abcdefgh", "iloveyou", "admin", "administrator",
        "welcome", "letmein", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "trustno",
        "superman", "starwars", "whatever", "master", "shadow", "michael", "jennifer", "computer", "internet",
        "changeme", "default", "secret", "matkhau", "mat khau", "matkhaumoi", "vietnam", "vietnamese", "hanoi",
        "saigon", "hochiminh", "nhiemvu", "ubnd", "ubndtinh", "vanphong", "vanphongubnd", "quantri", "quantrivien",
        "anhyeuem", "emyeuanh", "yeuem", "yeuanh", "zxcvbnm", "asdfghjkl", "1q2w3e4r", "1qaz2wsx", "zaq12wsx",
        "aaaaaa", "111111", "000000", "987654321", "654321", "password1", "qwe123", "qweasdzxc", "asdasd",
        "login", "guest", "test", "testtest", "user", "root", "toor", "hello", "hellohello", "loveyou",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Mật khẩu dài tối đa {MaxLength} ký tự." });

        var lower = password.ToLowerInvariant();
        var core = lower.TrimEnd("0123456789!@#$%^&*.,;:-_+=?~ ".ToCharArray());
        var name = user.UserName?.ToLowerInvariant();
        if (Common.Contains(lower) || Common.Contains(core) || lower.Distinct().Count() <= 2
            || IsSequence(lower)
            || (!string.IsNullOrEmpty(name) && name.Length >= 3 && lower.Contains(name)))
            errors.Add(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "Mật khẩu quá phổ biến hoặc chứa tên đăng nhập. Hãy chọn một cụm từ dài, khó đoán.",
            });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static bool IsSequence(string s)
    {
        if (s.Length < 6) return false;
        int up = 0, down = 0;
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == s[i - 1] + 1) up++;
            if (s[i] == s[i - 1] - 1) down++;
        }
        return up == s.Length - 1 || down == s.Length - 1;
    }
}

/// <summary>Identity's messages in Vietnamese.</summary>
public sealed class VietnameseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Tên đăng nhập '{userName}' đã được sử dụng." };
    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các ký tự . _ - @ +" };
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"Mật khẩu phải dài ít nhất {length} ký tự." };
    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Mật khẩu hiện tại không đúng." };
    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = $"Thư điện tử '{email}' đã được sử dụng." };
    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "Địa chỉ thư điện tử không hợp lệ." };
    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "Mã xác thực không hợp lệ hoặc đã hết hạn." };
    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "Tài khoản đã được người khác thay đổi. Hãy tải lại và thử lại." };
}
