using System.Net;
using NhiemVu.Web.Tests.Infrastructure;

namespace NhiemVu.Web.Tests.Foundation;

public abstract class HealthAndDocsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task Health_answers_200_when_the_database_answers()
    {
        var res = await app.Anonymous().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
    }

    [Fact]
    public async Task OpenAPI_document_and_reference_page_are_served()
    {
        var client = app.Anonymous();
        var doc = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/units", doc);
        Assert.Contains("/api/auth/token", doc);
        var page = await app.Factory.CreateClient().GetAsync("/api-docs"); // follows the redirect to the document's page
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Demo_province_has_units_of_every_kind_and_people_for_each()
    {
        var admin = await app.ClientFor("admin");
        var units = await (await admin.GetAsync("/api/units")).Read<List<UnitRow>>();
        Assert.InRange(units.Count, 38, 60);
        foreach (var kind in new[] { "ProvincialCommittee", "ProvincialOffice", "Department", "CommuneCommittee", "CentralAgency", "DistrictCommittee" })
            Assert.Contains(units, u => u.Kind == kind);
        var leaders = await (await admin.GetAsync("/api/users?role=ProvincialLeader")).Read<Paged<UserRow>>();
        Assert.Equal(4, leaders.Total);
        Assert.All(leaders.Items, l => Assert.NotEmpty(l.FieldIds));
        var focal = await (await admin.GetAsync("/api/users?role=FocalOfficer&pageSize=200")).Read<Paged<UserRow>>();
        Assert.True(focal.Total >= 36);
    }
}

public sealed class HealthAndDocsTests_Sqlite(SqliteApp app) : HealthAndDocsTests<SqliteApp>(app);
public sealed class HealthAndDocsTests_Postgres(PostgresApp app) : HealthAndDocsTests<PostgresApp>(app);
