using NhiemVu.Domain.Common;
using NhiemVu.Domain.Units;

namespace NhiemVu.Web.Features;

/// <summary>Vietnamese display names (resource keys) of roles and unit kinds.</summary>
public static class RoleNames
{
    public static string Vi(string role) => role switch
    {
        Roles.ProvincialLeader => "Lãnh đạo UBND tỉnh",
        Roles.OfficeSpecialist => "Chuyên viên Văn phòng",
        Roles.OfficeLeader => "Lãnh đạo Văn phòng",
        Roles.UnitLeader => "Thủ trưởng đơn vị",
        Roles.FocalOfficer => "Cán bộ đầu mối",
        Roles.Administrator => "Quản trị hệ thống",
        _ => role,
    };

    public static string Vi(UnitKind kind) => kind switch
    {
        UnitKind.ProvincialCommittee => "UBND tỉnh",
        UnitKind.ProvincialOffice => "Văn phòng UBND tỉnh",
        UnitKind.Department => "Sở, ban, ngành",
        UnitKind.DistrictCommittee => "UBND cấp huyện",
        UnitKind.CommuneCommittee => "UBND cấp xã",
        UnitKind.CentralAgency => "Cơ quan ngành dọc Trung ương",
        _ => "Đơn vị khác",
    };
}
