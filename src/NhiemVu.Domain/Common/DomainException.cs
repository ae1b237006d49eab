namespace NhiemVu.Domain.Common;

/// <summary>
/// A rule of the domain was broken (an illegal transition, a conflict with stored state).
/// <see cref="Code"/> is a stable machine-readable identifier; <see cref="Message"/> is the
/// Vietnamese sentence shown to users. The web layer maps it to a 409 problem details.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>A value given by the caller is not acceptable (maps to 400/422).</summary>
public sealed class DomainValidationException(string field, string message)
    : DomainException("validation", message)
{
    public string Field { get; } = field;
}
