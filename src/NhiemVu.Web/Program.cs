using NhiemVu.Web.Demo;
using NhiemVu.Web.Infrastructure;

// `--demo` loads the demo province into an empty database (README). Stripped before the
// configuration sees it, because the command-line provider wants key/value pairs.
var demo = args.Contains("--demo");
args = args.Where(a => a != "--demo").ToArray();

var builder = WebApplication.CreateBuilder(args);
if (demo) builder.Configuration["Demo"] = "true";

builder.AddNhiemVu();

var app = builder.Build();

await app.MigrateDatabaseAsync();
if (app.Configuration.GetValue<bool>("Demo"))
    await DemoSeeder.SeedAsync(app.Services);
await app.GatherDatabaseStatisticsAsync();

app.UseNhiemVu();

app.Run();

public partial class Program;
