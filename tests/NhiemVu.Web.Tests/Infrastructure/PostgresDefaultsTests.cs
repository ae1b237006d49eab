using Npgsql;
using NhiemVu.Web.Infrastructure;

namespace NhiemVu.Web.Tests.Infrastructure;

/// <summary>
/// The app's PostgreSQL connection defaults (<see cref="DatabaseSetup.PostgresDefaults"/>): added when the connection
/// string is silent, and never over a value the string names, under any of its spellings.
/// </summary>
public sealed class PostgresDefaultsTests
{
    private static NpgsqlConnectionStringBuilder Of(string cs) => new(DatabaseSetup.PostgresDefaults(cs));

    [Fact]
    public void A_connection_string_that_names_nothing_gets_every_default()
    {
        var b = Of("Host=db;Database=nhiemvu;Username=u;Password=p");
        Assert.Equal(50, b.MaxAutoPrepare);
        Assert.Equal(2, b.AutoPrepareMinUsages);
        Assert.True(b.NoResetOnClose);
        Assert.Equal("-c jit=off", b.Options);
        Assert.Equal(DatabaseSetup.DefaultMaxPoolSize, b.MaxPoolSize);
        Assert.Equal("db", b.Host);
        Assert.Equal("nhiemvu", b.Database);
    }

    [Theory]
    [InlineData("Maximum Pool Size=40")]
    [InlineData("MaxPoolSize=40")]
    [InlineData("maximum pool size=40")]
    public void A_pool_size_the_connection_string_names_is_kept(string setting)
    {
        Assert.Equal(40, Of("Host=db;" + setting).MaxPoolSize);
    }

    [Fact]
    public void Other_settings_the_connection_string_names_are_kept()
    {
        var b = Of("Host=db;MaxAutoPrepare=0;No Reset On Close=false;Options=-c work_mem=64MB");
        Assert.Equal(0, b.MaxAutoPrepare);
        Assert.False(b.NoResetOnClose);
        Assert.Equal("-c work_mem=64MB", b.Options);
    }
}
