namespace NhiemVu.Domain.Directives;

/// <summary>Where a task comes from (nguồn giao nhiệm vụ).</summary>
public enum SourceKind
{
    /// <summary>A formal directive document (văn bản chỉ đạo); see <see cref="DirectiveKind"/>.</summary>
    Document = 0,
    /// <summary>Bút phê: a leader's written note on a document.</summary>
    ButPhe = 1,
    /// <summary>Chỉ đạo trực tiếp: a verbal direction, e.g. at a meeting.</summary>
    ChiDaoTrucTiep = 2,
}

/// <summary>Loại văn bản chỉ đạo (seed 002, art. 3.1 and 6.3a).</summary>
public enum DirectiveKind
{
    /// <summary>Công văn.</summary>
    CongVan = 0,
    /// <summary>Thông báo kết luận of a meeting chaired by the Chairman or a Vice-Chairman.</summary>
    ThongBaoKetLuan = 1,
    /// <summary>Quyết định.</summary>
    QuyetDinh = 2,
    /// <summary>Chỉ thị.</summary>
    ChiThi = 3,
    /// <summary>Kế hoạch.</summary>
    KeHoach = 4,
    /// <summary>Chương trình công tác.</summary>
    ChuongTrinhCongTac = 5,
    /// <summary>Phiếu lấy ý kiến (may have no number and symbol, seed 002 art. 6.3a).</summary>
    PhieuLayYKien = 6,
    /// <summary>Văn bản khác.</summary>
    Other = 7,
}

/// <summary>Độ khẩn.</summary>
public enum Urgency
{
    Thuong = 0,
    Khan = 1,
    ThuongKhan = 2,
    HoaToc = 3,
}

/// <summary>Độ mật. Anything other than <see cref="Thuong"/> is secret and never public.</summary>
public enum Secrecy
{
    Thuong = 0,
    Mat = 1,
    ToiMat = 2,
    TuyetMat = 3,
}

/// <summary>Tính chất nhiệm vụ.</summary>
public enum TaskNature
{
    /// <summary>Trọng tâm (key).</summary>
    TrongTam = 0,
    /// <summary>Thường xuyên (regular).</summary>
    ThuongXuyen = 1,
    /// <summary>Đột xuất (ad hoc).</summary>
    DotXuat = 2,
}

/// <summary>The programme a task belongs to (seed 003).</summary>
public enum TaskProgramme
{
    None = 0,
    /// <summary>Chương trình công tác năm của UBND tỉnh (with a quarter).</summary>
    AnnualWorkProgramme = 1,
    /// <summary>Chương trình làm việc của Tỉnh ủy / Ban Thường vụ Tỉnh ủy.</summary>
    PartyCommitteeProgramme = 2,
}

/// <summary>How a task recurs: each period yields one assignment per lead unit.</summary>
public enum Recurrence
{
    None = 0,
    Monthly = 1,
    Quarterly = 2,
    Yearly = 3,
}
