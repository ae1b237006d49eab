namespace NhiemVu.Domain.Common;

/// <summary>The roles of domain.md, "Who uses it". Names are stable identifiers stored in the database.</summary>
public static class Roles
{
    /// <summary>Chủ tịch / Phó Chủ tịch UBND tỉnh.</summary>
    public const string ProvincialLeader = "ProvincialLeader";
    /// <summary>Chuyên viên Văn phòng UBND tỉnh.</summary>
    public const string OfficeSpecialist = "OfficeSpecialist";
    /// <summary>Lãnh đạo Văn phòng; phòng Hành chính – Tổ chức.</summary>
    public const string OfficeLeader = "OfficeLeader";
    /// <summary>Thủ trưởng cơ quan, đơn vị, địa phương.</summary>
    public const string UnitLeader = "UnitLeader";
    /// <summary>Cán bộ đầu mối.</summary>
    public const string FocalOfficer = "FocalOfficer";
    /// <summary>Quản trị hệ thống.</summary>
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All =
        [ProvincialLeader, OfficeSpecialist, OfficeLeader, UnitLeader, FocalOfficer, Administrator];

    public static bool IsOffice(string role) => role is OfficeSpecialist or OfficeLeader;

    /// <summary>Roles that the setting Security:RequireTwoFactorForOffice obliges to use two-factor sign-in.</summary>
    public static bool CanBeRequiredTwoFactor(string? role) => role is OfficeSpecialist or OfficeLeader or Administrator;
}
