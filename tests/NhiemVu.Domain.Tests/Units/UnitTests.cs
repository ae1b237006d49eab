using NhiemVu.Domain.Common;
using NhiemVu.Domain.Units;

namespace NhiemVu.Domain.Tests.Units;

public class UnitTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);

    [Fact]
    public void Unit_cannot_be_made_its_own_ancestor()
    {
        var a = new Unit("A", "Sở A", UnitKind.Department, null, Start);
        var b = new Unit("B", "Phòng B", UnitKind.Other, a.Id, Start);
        var c = new Unit("C", "Tổ C", UnitKind.Other, b.Id, Start);
        var parents = new Dictionary<Guid, Guid?> { [a.Id] = null, [b.Id] = a.Id, [c.Id] = b.Id };

        var ex = Assert.Throws<DomainException>(() => a.MoveUnder(c.Id, id => parents[id]));
        Assert.Equal("unit.cycle", ex.Code);
        Assert.Null(a.ParentId);
    }

    [Fact]
    public void Unit_cannot_be_its_own_parent()
    {
        var a = new Unit("A", "Sở A", UnitKind.Department, null, Start);
        Assert.Throws<DomainException>(() => a.MoveUnder(a.Id, _ => null));
    }

    [Fact]
    public void Moving_under_a_non_descendant_is_allowed()
    {
        var a = new Unit("A", "Sở A", UnitKind.Department, null, Start);
        var b = new Unit("B", "Sở B", UnitKind.Department, null, Start);
        var stamp = a.ConcurrencyStamp;
        a.MoveUnder(b.Id, _ => null);
        Assert.Equal(b.Id, a.ParentId);
        Assert.NotEqual(stamp, a.ConcurrencyStamp);
    }

    [Fact]
    public void Deactivated_unit_keeps_validity_period_and_successor()
    {
        var a = new Unit("A", "Sở A", UnitKind.Department, null, Start);
        var successor = Guid.NewGuid();
        a.Deactivate(new DateOnly(2025, 7, 1), successor);
        Assert.False(a.IsActive);
        Assert.Equal(new DateOnly(2025, 7, 1), a.ValidTo);
        Assert.Equal(successor, a.SuccessorId);
        Assert.Throws<DomainException>(() => a.Deactivate(new DateOnly(2025, 8, 1), null));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Unit_name_is_required(string name)
    {
        var ex = Assert.Throws<DomainValidationException>(() => new Unit("X", name, UnitKind.Other, null, Start));
        Assert.Equal("name", ex.Field);
    }
}
